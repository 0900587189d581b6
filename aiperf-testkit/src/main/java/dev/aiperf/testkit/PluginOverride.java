package dev.aiperf.testkit;

import dev.aiperf.plugin.Category;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.RegistryCheckpoint;
import dev.aiperf.plugin.TypeEntry;

/**
 * A class registered under (category, name) for the duration of a {@code try}-with-resources block:
 * it wins the name over whatever is registered (built-in or plugin), and closing puts the registry
 * back exactly as it was before, also after an exception and also dropping anything else registered
 * inside the block.
 *
 * <pre>{@code
 * try (PluginOverride fake = PluginOverride.register(PluginType.ENDPOINT, "chat", FakeChatEndpoint.class)) {
 *     assertSame(FakeChatEndpoint.class, Plugins.getClass(PluginType.ENDPOINT, "chat"));
 *     ... run the code under test, which asks the registry for "chat" ...
 * }
 * // "chat" is the built-in ChatEndpoint again
 * }</pre>
 *
 * <p>Overrides nest (close the inner one first, which {@code try} does). Without a registry argument
 * the default registry behind {@link Plugins} is used ({@code @FreshPluginRegistry}'s fresh one
 * inside such a test).
 */
public final class PluginOverride implements AutoCloseable {
    /** Above any priority a manifest uses, so the override wins by the priority rule. */
    public static final int PRIORITY = Integer.MAX_VALUE;

    private final RegistryCheckpoint before;
    private final TypeEntry entry;

    private PluginOverride(RegistryCheckpoint before, TypeEntry entry) {
        this.before = before;
        this.entry = entry;
    }

    /** Registers {@code cls} as {@code name} in the default registry ({@link Plugins#registry()}). */
    public static PluginOverride register(Category<?> category, String name, Class<?> cls) {
        return register(Plugins.registry(), category, name, cls);
    }

    /** Registers {@code cls} as {@code name} in {@code registry}. */
    public static PluginOverride register(PluginRegistry registry, Category<?> category, String name, Class<?> cls) {
        RegistryCheckpoint before = registry.checkpoint();
        try {
            return new PluginOverride(before, registry.register(category, name, cls, PRIORITY, false));
        } catch (RuntimeException | Error e) {
            before.close();
            throw e;
        }
    }

    /** Registers {@code cls} as {@code name} in {@code registry}, for a category given by name. */
    public static PluginOverride register(PluginRegistry registry, String category, String name, Class<?> cls) {
        RegistryCheckpoint before = registry.checkpoint();
        try {
            return new PluginOverride(before, registry.register(category, name, cls, PRIORITY, false));
        } catch (RuntimeException | Error e) {
            before.close();
            throw e;
        }
    }

    /** The entry registered for the block. */
    public TypeEntry entry() {
        return entry;
    }

    /** Puts the registry back as it was before {@code register}; a second call does nothing. */
    @Override
    public void close() {
        before.close();
    }
}
