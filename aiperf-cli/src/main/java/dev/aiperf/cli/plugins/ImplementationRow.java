package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.TypeEntry;
import java.util.Map;

/**
 * One registered implementation as the commands print it.
 *
 * @param category    category name
 * @param name        type name
 * @param className   implementing class
 * @param packageName package that registered it
 * @param priority    conflict-resolution priority
 * @param builtin     registered by the built-in package
 * @param description what it does
 * @param metadata    the entry's metadata as written
 * @param location    where it was declared ({@code file:line:column})
 */
record ImplementationRow(String category, String name, String className, String packageName, int priority,
                         boolean builtin, String description, Map<String, Object> metadata, String location) {

    static ImplementationRow of(TypeEntry entry) {
        return new ImplementationRow(entry.category(), entry.name(), entry.classPath(), entry.packageName(),
                entry.priority(), entry.isBuiltin(), entry.description(), entry.metadata(), entry.location().toString());
    }
}
