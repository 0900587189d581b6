package dev.aiperf.plugin.internal;

/**
 * A manifest or categories file found by discovery, already read into memory.
 *
 * @param label          how messages name it: a path, URL or {@code jar!/path}
 * @param text           its contents
 * @param loader         the class loader its classes are loaded through
 * @param fromPluginsDir true when it came from a jar in the plugins directory
 * @param indexName      the name on the index line that listed it ({@code name = path}), which names
 *                       the package of a manifest without a {@code plugin:} section
 */
public record PluginSource(String label, String text, ClassLoader loader, boolean fromPluginsDir, String indexName) {
}
