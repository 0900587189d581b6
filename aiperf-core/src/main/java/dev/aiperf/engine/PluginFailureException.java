package dev.aiperf.engine;

import dev.aiperf.plugin.PackageMetadata;
import dev.aiperf.plugin.PluginException;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.TypeEntry;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A plugin the run needs cannot be loaded, initialised or built. The message is one line naming the
 * plugin ({@code category:name}), what went wrong with its cause, its class, package and jar; the
 * cause (with its stack trace) is kept for {@code --verbose}.
 */
public final class PluginFailureException extends RuntimeException {

    private PluginFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    static PluginFailureException of(PluginRegistry registry, TypeEntry entry, Class<?> cls, String problem,
                                     Throwable cause) {
        Optional<Path> code = cls != null ? PluginCode.of(cls).or(() -> PluginCode.of(entry)) : PluginCode.of(entry);
        String message = "plugin " + entry.category() + ":" + entry.name() + " failed: " + problem
                + " (class " + entry.classPath() + ", package " + packageLabel(registry, entry)
                + code.map(p -> ", " + (p.toString().endsWith(".jar") ? "jar " : "from ") + p).orElse("") + ")";
        return new PluginFailureException(message, cause);
    }

    /** {@code name version}, or the name alone when the package declares no version. */
    static String packageLabel(PluginRegistry registry, TypeEntry entry) {
        String version = packageVersion(registry, entry);
        return version.isEmpty() ? entry.packageName() : entry.packageName() + " " + version;
    }

    static String packageVersion(PluginRegistry registry, TypeEntry entry) {
        try {
            PackageMetadata pkg = registry.getPackageMetadata(entry.packageName());
            return pkg == null || pkg.version() == null ? "" : pkg.version();
        } catch (PluginException e) {
            return ""; // a runtime registration has no package metadata
        }
    }
}
