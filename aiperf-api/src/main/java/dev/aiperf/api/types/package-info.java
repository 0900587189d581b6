/**
 * Extensible value classes naming the types of each plugin category ({@code EndpointType.CHAT},
 * {@code EndpointType.of("my_custom")}), for config records; see {@link dev.aiperf.plugin.PluginName}.
 */
package dev.aiperf.api.types;
