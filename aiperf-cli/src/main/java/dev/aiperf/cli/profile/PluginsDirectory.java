package dev.aiperf.cli.profile;

import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Plugins;

import java.nio.file.Files;
import java.nio.file.Path;

/** Points the default registry at the {@code --plugins-dir} of a run, before anything is looked up. */
final class PluginsDirectory {

    private PluginsDirectory() {
    }

    /** Installs a registry over {@code directory}; null keeps the default ($AIPERF_PLUGINS_DIR, else ~/.aiperf/plugins). */
    static void install(Path directory) {
        if (directory == null) {
            return;
        }
        if (!Files.isDirectory(directory)) {
            throw new UsageException("--plugins-dir " + directory + " is not a directory");
        }
        Plugins.setRegistry(PluginRegistry.builder().pluginsDir(directory).build());
    }
}
