package dev.aiperf.engine;

import dev.aiperf.plugin.Explanation;
import dev.aiperf.plugin.PluginException;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.TypeEntry;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One plugin a run built, traced to its code: written to {@code plugins_used.json}, and announced at
 * the start of the run when a third-party package provides it.
 *
 * @param category         category, e.g. {@code endpoint}
 * @param name             the name it was chosen by, e.g. {@code chat}
 * @param packageName      the package that registered it, {@code aiperf} for the built-ins
 * @param packageVersion   that package's version, or empty
 * @param className        the class that was instantiated
 * @param priority         the entry's conflict-resolution priority
 * @param builtin          true when the built-in package provides it
 * @param overridesBuiltin true when it won its name over a built-in entry of the same name
 * @param jar              the jar (or class directory) the class was loaded from, or null when unknown
 * @param jarSha256        the jar's hex SHA-256, or null for a directory or an unknown location
 */
public record UsedPlugin(String category, String name, String packageName, String packageVersion, String className,
                         int priority, boolean builtin, boolean overridesBuiltin, String jar, String jarSha256) {

    static UsedPlugin of(PluginRegistry registry, TypeEntry entry, Class<?> cls) {
        Optional<Path> code = PluginCode.of(cls);
        return new UsedPlugin(entry.category(), entry.name(), entry.packageName(),
                PluginFailureException.packageVersion(registry, entry), cls.getName(), entry.priority(),
                entry.isBuiltin(), overridesBuiltin(registry, entry), code.map(Path::toString).orElse(null),
                code.flatMap(PluginCode::sha256).orElse(null));
    }

    private static boolean overridesBuiltin(PluginRegistry registry, TypeEntry entry) {
        if (entry.isBuiltin()) {
            return false;
        }
        try {
            Explanation explanation = registry.explain(entry.category(), entry.name());
            return explanation.winner().equals(entry)
                    && explanation.candidates().stream().anyMatch(TypeEntry::isBuiltin);
        } catch (PluginException e) {
            return false; // looked up by class path rather than by a registered name
        }
    }

    /**
     * The one-line announcement of a third-party plugin, e.g.
     * {@code endpoint 'chat': com.example.MyChat from my-plugin 1.2.0 (priority 10) overrides the built-in}.
     */
    public String announcement() {
        String from = packageVersion.isEmpty() ? packageName : packageName + " " + packageVersion;
        return category + " '" + name + "': " + className + " from " + from + " (priority " + priority + ") "
                + (overridesBuiltin ? "overrides the built-in" : "adds a new type");
    }
}
