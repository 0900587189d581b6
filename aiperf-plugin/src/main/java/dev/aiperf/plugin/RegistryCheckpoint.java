package dev.aiperf.plugin;

/**
 * A saved state of a {@link PluginRegistry}, taken by {@link PluginRegistry#checkpoint()}: closing it
 * puts the registry back exactly as it was (categories, entries and their conflicts, packages,
 * problems), dropping every change made since. Checkpoints nest; close them in the reverse order of
 * taking them, as {@code try}-with-resources does. Closing twice is harmless.
 */
public final class RegistryCheckpoint implements AutoCloseable {
    private final PluginRegistry registry;
    private final RegistryContents saved;
    private boolean closed;

    RegistryCheckpoint(PluginRegistry registry, RegistryContents saved) {
        this.registry = registry;
        this.saved = saved;
    }

    RegistryContents saved() {
        return saved;
    }

    /**
     * Restores the saved state.
     *
     * @throws IllegalStateException when a checkpoint taken after this one is still open
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            registry.restore(this);
            closed = true;
        }
    }
}
