package dev.aiperf.plugin;

/**
 * The outcome of validating one registered entry without running its code.
 *
 * @param category    category name
 * @param name        type name
 * @param packageName package that registered it
 * @param classPath   the class it names
 * @param valid       true when no problem was found
 * @param error       what was wrong, or null when valid
 */
public record ValidationResult(String category, String name, String packageName, String classPath, boolean valid,
                               String error) {

    static ValidationResult ok(TypeEntry entry) {
        return new ValidationResult(entry.category(), entry.name(), entry.packageName(), entry.classPath(), true, null);
    }

    static ValidationResult failed(TypeEntry entry, String error) {
        return new ValidationResult(entry.category(), entry.name(), entry.packageName(), entry.classPath(), false,
                error);
    }
}
