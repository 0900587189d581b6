/** JMH benchmarks of the plugin registry; built only with the {@code bench} Maven profile. */
package dev.aiperf.bench;
