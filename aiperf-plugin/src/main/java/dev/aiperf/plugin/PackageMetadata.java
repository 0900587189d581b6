package dev.aiperf.plugin;

/**
 * The {@code plugin:} section of a manifest: who provides a set of plugin types. A manifest without
 * that section still forms a package: see {@link #unnamed(String, String)} for how it is named.
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

    /** What version, description, author and license read when the manifest has no {@code plugin:} section. */
    public static final String UNKNOWN = "unknown";

    /** Package of the classes given to {@code register(...)} at run time (unless registered as built-in). */
    public static final String RUNTIME_PACKAGE = "runtime";

    /**
     * The package of a manifest without a {@code plugin:} section. Its name is, in order: the name on
     * the index line that listed the manifest ({@code name = path/plugins.yaml}), the name given to
     * {@code loadRegistry(path, packageName)}, else the manifest's absolute path. Version,
     * description, author and license read {@value #UNKNOWN}.
     */
    public static PackageMetadata unnamed(String name, String source) {
        return new PackageMetadata(name, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, source);
    }

    /** True for the built-in package ({@code aiperf}). */
    public boolean isBuiltin() {
        return BUILTIN_PACKAGE.equals(name);
    }
}
