/**
 * The plugin registry: categories, manifests, discovery, conflict resolution, lazy loading and
 * validation. Start at {@link dev.aiperf.plugin.Plugins} (static facade) or
 * {@link dev.aiperf.plugin.PluginRegistry}; {@code dev.aiperf.plugin.internal} is not API.
 */
package dev.aiperf.plugin;
