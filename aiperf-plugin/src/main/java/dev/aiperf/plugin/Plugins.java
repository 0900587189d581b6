package dev.aiperf.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Static facade over the default {@link PluginRegistry}, the Java form of the guide's
 * {@code plugins} module:
 *
 * <pre>{@code
 * Class<? extends Endpoint> type = Plugins.getClass(PluginType.ENDPOINT, "chat");
 * for (TypeEntry exporter : Plugins.listTypes(PluginType.DATA_EXPORTER)) { ... exporter.load() ... }
 * }</pre>
 *
 * <p>The default registry scans the class path and the default plugins directory
 * ({@link PluginRegistry#defaultPluginsDir()}) on first use. A program that builds its own registry
 * (the CLI with {@code --plugins-dir}) installs it with {@link #setRegistry(PluginRegistry)} so the
 * facade uses it. Every method is thread-safe.
 */
public final class Plugins {
    private static volatile PluginRegistry registry;

    private Plugins() {
    }

    /** The default registry, created (not yet discovered) on first call. */
    public static PluginRegistry registry() {
        PluginRegistry current = registry;
        if (current == null) {
            synchronized (Plugins.class) {
                current = registry;
                if (current == null) {
                    current = PluginRegistry.builder().build();
                    registry = current;
                }
            }
        }
        return current;
    }

    /** Makes the given registry the default one; returns the previous default (possibly null). */
    public static synchronized PluginRegistry setRegistry(PluginRegistry newRegistry) {
        PluginRegistry previous = registry;
        registry = Objects.requireNonNull(newRegistry, "registry");
        return previous;
    }

    /** The class registered under a name or class path, typed by the category's protocol. */
    public static <T> Class<? extends T> getClass(Category<T> category, String nameOrClassPath) {
        return registry().getClass(category, nameOrClassPath);
    }

    /** The class registered under a name or class path, for a category given by name. */
    public static Class<?> getClass(String category, String nameOrClassPath) {
        return registry().getClass(category, nameOrClassPath);
    }

    /** The entry a name or class path resolves to. */
    public static TypeEntry getType(Category<?> category, String nameOrClassPath) {
        return registry().getType(category, nameOrClassPath);
    }

    /** The entry a name or class path resolves to, for a category given by name. */
    public static TypeEntry getType(String category, String nameOrClassPath) {
        return registry().getType(category, nameOrClassPath);
    }

    /** The entry each name of the category resolves to, in registration order. */
    public static List<TypeEntry> listTypes(Category<?> category) {
        return registry().listTypes(category);
    }

    /** The entry each name of the category resolves to, in registration order. */
    public static List<TypeEntry> listTypes(String category) {
        return registry().listTypes(category);
    }

    /** True when a name (or registered class path) resolves in the category; false for an unknown category. */
    public static boolean hasType(Category<?> category, String nameOrClassPath) {
        return registry().hasType(category, nameOrClassPath);
    }

    /** True when a name (or registered class path) resolves in the category given by name. */
    public static boolean hasType(String category, String nameOrClassPath) {
        return registry().hasType(category, nameOrClassPath);
    }

    /** Every type of the category with its class, loaded lazily; see {@link PluginRegistry#iterAll(Category)}. */
    public static <T> Iterable<LoadedType<T>> iterAll(Category<T> category) {
        return registry().iterAll(category);
    }

    /** Every type of the category given by name with its class, loaded lazily. */
    public static Iterable<LoadedType<Object>> iterAll(String category) {
        return registry().iterAll(category);
    }

    /** Every category name, internal ones included. */
    public static List<String> listCategories() {
        return registry().listCategories(true);
    }

    /** Category names; internal ones only when asked for. */
    public static List<String> listCategories(boolean includeInternal) {
        return registry().listCategories(includeInternal);
    }

    /** Every loaded package name. */
    public static List<String> listPackages() {
        return registry().listPackages(false);
    }

    /** Loaded package names; only the built-in one when asked for. */
    public static List<String> listPackages(boolean builtinOnly) {
        return registry().listPackages(builtinOnly);
    }

    /** A loaded package's metadata. */
    public static PackageMetadata getPackageMetadata(String name) {
        return registry().getPackageMetadata(name);
    }

    /** A category's declaration. */
    public static CategoryMetadata getCategoryMetadata(Category<?> category) {
        return registry().getCategoryMetadata(category);
    }

    /** A category's declaration, by name. */
    public static CategoryMetadata getCategoryMetadata(String category) {
        return registry().getCategoryMetadata(category);
    }

    /** Reverse lookup: the name a class is registered under. */
    public static Optional<String> findRegisteredName(Category<?> category, Class<?> cls) {
        return registry().findRegisteredName(category, cls);
    }

    /** Reverse lookup for a category given by name. */
    public static Optional<String> findRegisteredName(String category, Class<?> cls) {
        return registry().findRegisteredName(category, cls);
    }

    /** The type whose {@code url_schemes} metadata lists the URL's scheme. */
    public static Optional<String> detectTypeFromUrl(Category<?> category, String url) {
        return registry().detectTypeFromUrl(category, url);
    }

    /** The type whose {@code url_schemes} metadata lists the URL's scheme, for a category given by name. */
    public static Optional<String> detectTypeFromUrl(String category, String url) {
        return registry().detectTypeFromUrl(category, url);
    }

    /** An enum over the type names registered in the category. */
    public static DynamicEnum createEnum(Category<?> category, String enumName) {
        return registry().createEnum(category, enumName);
    }

    /** An enum over the type names registered in the category, given by name. */
    public static DynamicEnum createEnum(String category, String enumName) {
        return registry().createEnum(category, enumName);
    }

    /** An enum over the category's type names, named by its {@code enum} declaration; see {@link PluginRegistry#createEnum(String)}. */
    public static DynamicEnum createEnum(Category<?> category) {
        return registry().createEnum(category);
    }

    /** An enum over the type names of the category given by name, named by its {@code enum} declaration. */
    public static DynamicEnum createEnum(String category) {
        return registry().createEnum(category);
    }

    /** An enum of explicit members (member name to value, in the map's order); see {@link DynamicEnum#of}. */
    public static DynamicEnum createDynamicEnum(String enumName, java.util.Map<String, String> members) {
        return registry().createDynamicEnum(enumName, members);
    }

    /** Registers a class at run time; see {@link PluginRegistry#register(Category, String, Class, int, boolean)}. */
    public static TypeEntry register(Category<?> category, String name, Class<?> cls, int priority, boolean builtin) {
        return registry().register(category, name, cls, priority, builtin);
    }

    /** Registers a class at run time in a category given by name. */
    public static TypeEntry register(String category, String name, Class<?> cls, int priority, boolean builtin) {
        return registry().register(category, name, cls, priority, builtin);
    }

    /** Loads an additional manifest file; see {@link PluginRegistry#loadRegistry(Path)}. */
    public static PackageMetadata loadRegistry(Path manifest) {
        return registry().loadRegistry(manifest);
    }

    /** Loads an additional manifest file; without a {@code plugin:} section its package is named {@code packageName}. */
    public static PackageMetadata loadRegistry(Path manifest, String packageName) {
        return registry().loadRegistry(manifest, packageName);
    }

    /** Validates every entry without running plugin code. */
    public static List<ValidationResult> validateAll(boolean checkClass) {
        return registry().validateAll(checkClass);
    }

    /** How a name was resolved. */
    public static Explanation explain(Category<?> category, String name) {
        return registry().explain(category, name);
    }

    /** How a name was resolved, for a category given by name. */
    public static Explanation explain(String category, String name) {
        return registry().explain(category, name);
    }

    /** Problems and warnings recorded by discovery and loading. */
    public static List<DiscoveryProblem> problems() {
        return registry().problems();
    }

    /**
     * Restores the default registry's freshly discovered state: built-ins and installed plugins;
     * runtime registrations and loaded manifests are dropped. See {@link PluginRegistry#reset()}.
     */
    public static void reset() {
        registry().reset();
    }

    /** Runs discovery now if it has not run yet; returns the problems recorded. */
    public static List<DiscoveryProblem> discoverPlugins() {
        return registry().discoverPlugins();
    }
}
