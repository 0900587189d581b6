package dev.aiperf.plugin;

/**
 * The {@code plugin:} section of a manifest: who provides a set of plugin types.
 *
 * @param name        package name, e.g. {@code aiperf} for the built-ins; never null
 * @param version     version string as written, or empty
 * @param description what the package provides, or empty
 * @param author      author, or empty
 * @param license     SPDX licence id or text, or empty
 * @param source      where the manifest was read from (path or URL), for diagnostics
 */
public record PackageMetadata(String name, String version, String description, String author, String license,
                              String source) {

    /** Name of the package holding the built-in plugins. */
    public static final String BUILTIN_PACKAGE = "aiperf";

    /** True for the built-in package ({@code aiperf}). */
    public boolean isBuiltin() {
        return BUILTIN_PACKAGE.equals(name);
    }
}
