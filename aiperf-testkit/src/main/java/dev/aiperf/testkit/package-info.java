/**
 * JUnit 5 support for plugin authors: {@link dev.aiperf.testkit.FreshPluginRegistry} gives each test
 * its own registry, and {@link dev.aiperf.testkit.PluginJarBuilder} builds real plugin jars in a test.
 */
package dev.aiperf.testkit;
