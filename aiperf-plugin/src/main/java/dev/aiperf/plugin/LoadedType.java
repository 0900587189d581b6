package dev.aiperf.plugin;

/**
 * A registered type together with its loaded class, as {@link PluginRegistry#iterAll} yields it.
 *
 * @param entry the registry entry (the winner of its name)
 * @param type  its class, loaded and checked against the category's protocol
 * @param <T>   the category's protocol
 */
public record LoadedType<T>(TypeEntry entry, Class<? extends T> type) {
}
