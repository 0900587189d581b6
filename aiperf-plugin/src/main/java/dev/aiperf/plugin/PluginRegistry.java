package dev.aiperf.plugin;

import dev.aiperf.plugin.internal.Names;
import dev.aiperf.plugin.internal.PluginDiscovery;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugin registry: categories, the types registered in them, and how each name was resolved.
 *
 * <p>A registry discovers lazily: the first lookup reads every {@code META-INF/aiperf.categories}
 * and {@code META-INF/aiperf.plugins} on its class loader, then every jar in its plugins directory
 * (each in its own class loader whose parent is the registry's). Discovery reads files only; a
 * plugin class is loaded when {@link TypeEntry#load()} (or {@code getClass}) first asks for it.
 * A broken plugin becomes a {@link DiscoveryProblem} and is skipped; the others load.
 *
 * <p>Names and categories match case-insensitively with {@code -} equal to {@code _}. Where a name
 * is expected, a class path ({@code a.b.C} or {@code a.b:C}) of any registered entry, winner or
 * not, is accepted too.
 *
 * <p>Thread safety: lookups read an immutable snapshot without locking and may run on any number
 * of threads; changes ({@code register}, {@code loadRegistry}, discovery, {@code reset}) are
 * serialised and publish a new snapshot.
 *
 * <p>{@link Plugins} is a static facade over a default instance; tests and the CLI (with
 * {@code --plugins-dir}) build their own with {@link #builder()}.
 */
public final class PluginRegistry implements AutoCloseable {
    /** Environment variable naming the plugins directory. */
    public static final String PLUGINS_DIR_ENV = "AIPERF_PLUGINS_DIR";

    private static final String RUNTIME_PACKAGE = "runtime";

    private final ClassLoader classLoader;
    private final boolean scanClassPath;
    private final Path pluginsDir;
    private final Object lock = new Object();
    private final List<URLClassLoader> pluginLoaders = new ArrayList<>();
    private RegistryContents contents = new RegistryContents();
    private volatile boolean discovered;
    private volatile RegistrySnapshot snapshot = RegistrySnapshot.EMPTY;
    // Open checkpoints, the latest first (under lock).
    private final Deque<RegistryCheckpoint> checkpoints = new ArrayDeque<>();

    private PluginRegistry(Builder builder) {
        this.classLoader = builder.classLoader;
        this.scanClassPath = builder.scanClassPath;
        this.pluginsDir = builder.pluginsDir;
    }

    /** A builder for a registry that scans the class path and the default plugins directory. */
    public static Builder builder() {
        return new Builder();
    }

    /** A registry that discovers nothing: fill it with {@code loadCategories}, {@code loadRegistry}, {@code register}. */
    public static PluginRegistry empty() {
        return builder().scanClassPath(false).pluginsDir(null).build();
    }

    /**
     * The plugins directory used when none is given: {@code $AIPERF_PLUGINS_DIR} if set and not blank,
     * else {@code ~/.aiperf/plugins}.
     */
    public static Path defaultPluginsDir() {
        return pluginsDirFrom(System.getenv(PLUGINS_DIR_ENV), System.getProperty("user.home"));
    }

    static Path pluginsDirFrom(String environmentValue, String userHome) {
        if (environmentValue != null && !environmentValue.isBlank()) {
            return Path.of(environmentValue.strip());
        }
        return Path.of(userHome, ".aiperf", "plugins");
    }

    /** Configures a {@link PluginRegistry}. */
    public static final class Builder {
        private ClassLoader classLoader = defaultClassLoader();
        private boolean scanClassPath = true;
        private Path pluginsDir = defaultPluginsDir();

        private Builder() {
        }

        /** The class loader whose class path is scanned and which parents plugin jars; never null. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /** Whether to read the {@code META-INF} indexes on the class path (default true). */
        public Builder scanClassPath(boolean scan) {
            this.scanClassPath = scan;
            return this;
        }

        /** The plugins directory to scan for jars, or null for none (default {@link #defaultPluginsDir()}). */
        public Builder pluginsDir(Path directory) {
            this.pluginsDir = directory;
            return this;
        }

        /** The registry; it discovers on first use (or on {@link PluginRegistry#discoverPlugins()}). */
        public PluginRegistry build() {
            return new PluginRegistry(this);
        }
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PluginRegistry.class.getClassLoader();
    }

    // ---------------------------------------------------------------- discovery and loading

    /** The plugins directory this registry scans, if any. */
    public Optional<Path> pluginsDir() {
        return Optional.ofNullable(pluginsDir);
    }

    /** The class loader whose class path this registry scans. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Runs discovery now if it has not run since creation or the last {@link #reset()}.
     *
     * @return every problem recorded so far
     */
    public List<DiscoveryProblem> discoverPlugins() {
        return view().problems();
    }

    private RegistrySnapshot view() {
        if (!discovered) {
            synchronized (lock) {
                if (!discovered) {
                    discover();
                    snapshot = contents.freeze();
                    discovered = true;
                }
            }
        }
        return snapshot;
    }

    private void discover() {
        PluginDiscovery discovery = new PluginDiscovery();
        if (scanClassPath) {
            discovery.scanClassPath(classLoader);
        }
        if (pluginsDir != null) {
            discovery.scanPluginsDirectory(pluginsDir, classLoader);
        }
        pluginLoaders.addAll(discovery.loaders());
        ManifestRegistration.registerAll(contents, discovery);
    }

    /**
     * Loads an additional manifest from a file; its classes must be visible to this registry's class
     * loader. Discovery runs first if it has not yet.
     *
     * @return the manifest's package, or null for an empty file (recorded as a warning)
     * @throws ManifestException naming file, line and column when the manifest is not valid
     */
    public PackageMetadata loadRegistry(Path manifest) {
        String text = PluginDiscovery.read(manifest);
        return mutate(() -> ManifestRegistration.addManifest(contents, text, manifest.toString(), classLoader,
                false));
    }

    /**
     * Declares the categories of a {@code categories.yaml} file (protocols resolved through this
     * registry's class loader). Discovery runs first if it has not yet.
     *
     * @throws ManifestException naming file, line and column when the file is not valid
     */
    public List<CategoryMetadata> loadCategories(Path categoriesFile) {
        String text = PluginDiscovery.read(categoriesFile);
        return mutate(() -> {
            List<CategoryMetadata> categories = ManifestRegistration.parseCategories(contents, text,
                    categoriesFile.toString());
            categories.forEach(contents::declare);
            return categories;
        });
    }

    /**
     * Registers a class at run time, without a manifest. A typed {@link Category} that is not
     * declared yet is declared with its protocol.
     *
     * @param category the category, never null
     * @param name     the type name (normalised), never null
     * @param cls      the implementation; must implement the category's protocol
     * @param priority conflict-resolution priority (built-ins use 0)
     * @param builtin  whether it counts as built-in in conflicts (package {@code aiperf}) or external
     *                 (package {@code runtime})
     * @return the new entry (which may have lost a conflict; see {@link #explain})
     * @throws PluginLoadException when the class does not implement the protocol
     */
    public TypeEntry register(Category<?> category, String name, Class<?> cls, int priority, boolean builtin) {
        return mutate(() -> {
            if (contents.category(category.name()) == null && category.protocol() != Object.class) {
                contents.declare(new CategoryMetadata(category.name(), category.protocol().getName(), null, null, "",
                        false, ManifestLocation.ofFile("<runtime>")));
            }
            return registerClass(category.name(), name, cls, priority, builtin);
        });
    }

    /** Like {@link #register(Category, String, Class, int, boolean)} for a declared category given by name. */
    public TypeEntry register(String category, String name, Class<?> cls, int priority, boolean builtin) {
        return mutate(() -> registerClass(category, name, cls, priority, builtin));
    }

    private TypeEntry registerClass(String categoryName, String name, Class<?> cls, int priority, boolean builtin) {
        Objects.requireNonNull(cls, "cls");
        CategoryMetadata category = contents.category(Names.normalize(categoryName));
        if (category == null) {
            List<String> known = contents.categoryNames();
            throw new UnknownCategoryException(categoryName, known,
                    NameSuggestions.closest(categoryName, known).orElse(null));
        }
        ClassLoader loader = cls.getClassLoader() != null ? cls.getClassLoader() : classLoader;
        TypeEntry entry = new TypeEntry(category, name, builtin ? PackageMetadata.BUILTIN_PACKAGE : RUNTIME_PACKAGE,
                cls.getName(), priority, "", Map.of(), builtin, ManifestLocation.ofFile("<runtime>"), loader, cls);
        Class<?> protocol = entry.protocolClass();
        if (!protocol.isAssignableFrom(cls)) {
            throw new PluginLoadException("Cannot register " + cls.getName() + " as " + category.name() + " '"
                    + entry.name() + "': it does not implement " + protocol.getName());
        }
        contents.add(entry);
        return entry;
    }

    private <R> R mutate(java.util.function.Supplier<R> change) {
        view();
        synchronized (lock) {
            try {
                return change.get();
            } finally {
                snapshot = contents.freeze();
            }
        }
    }

    /**
     * Forgets every category, entry, package and problem; the next use discovers again. Class
     * loaders created for plugin jars stay open (classes from them may still be in use).
     */
    public void reset() {
        synchronized (lock) {
            contents = new RegistryContents();
            snapshot = RegistrySnapshot.EMPTY;
            discovered = false;
        }
    }

    /**
     * Saves the current state (discovering first if needed); closing the returned checkpoint restores
     * it exactly, whatever was registered, loaded or reset in between. For tests that change a shared
     * registry for a while (aiperf-testkit's {@code PluginOverride}):
     *
     * <pre>{@code
     * try (RegistryCheckpoint saved = registry.checkpoint()) {
     *     registry.register(PluginType.ENDPOINT, "chat", FakeChat.class, Integer.MAX_VALUE, false);
     *     ...
     * } // the registry is as it was, even after an exception
     * }</pre>
     */
    public RegistryCheckpoint checkpoint() {
        view();
        synchronized (lock) {
            // The saved contents are never touched again: changes go to a copy.
            RegistryCheckpoint checkpoint = new RegistryCheckpoint(this, contents);
            contents = contents.copy();
            checkpoints.push(checkpoint);
            return checkpoint;
        }
    }

    void restore(RegistryCheckpoint checkpoint) {
        synchronized (lock) {
            if (checkpoints.peek() != checkpoint) {
                throw new IllegalStateException("a checkpoint taken later is still open; close checkpoints in"
                        + " the reverse order of taking them");
            }
            checkpoints.pop();
            contents = checkpoint.saved();
            snapshot = contents.freeze();
            discovered = true;
        }
    }

    /** Closes the class loaders created for plugins-directory jars; classes not yet loaded become unloadable. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            for (URLClassLoader loader : pluginLoaders) {
                loader.close();
            }
            pluginLoaders.clear();
        }
    }

    // ---------------------------------------------------------------- lookups

    /**
     * The class registered under a name or class path, loaded on first use and cached.
     *
     * @throws UnknownCategoryException when the category is not declared
     * @throws TypeNotFoundException    listing the registered names and the closest one
     * @throws PluginLoadException      when the class cannot be loaded or does not implement {@code T}
     */
    @SuppressWarnings("unchecked")
    public <T> Class<? extends T> getClass(Category<T> category, String nameOrClassPath) {
        TypeEntry entry = resolve(view(), category.name(), nameOrClassPath);
        Class<?> cls = entry.load();
        Class<T> protocol = category.protocol();
        if (!protocol.isAssignableFrom(cls)) {
            throw new PluginLoadException(cls.getName() + " (" + entry.describe() + ") does not implement "
                    + protocol.getName());
        }
        return (Class<? extends T>) cls;
    }

    /** The class registered under a name or class path, for a category given by name. */
    public Class<?> getClass(String category, String nameOrClassPath) {
        return resolve(view(), category, nameOrClassPath).load();
    }

    /** The entry a name or class path resolves to (the conflict winner for a name). */
    public TypeEntry getType(Category<?> category, String nameOrClassPath) {
        return resolve(view(), category.name(), nameOrClassPath);
    }

    /** The entry a name or class path resolves to, for a category given by name. */
    public TypeEntry getType(String category, String nameOrClassPath) {
        return resolve(view(), category, nameOrClassPath);
    }

    private TypeEntry resolve(RegistrySnapshot view, String category, String nameOrClassPath) {
        Objects.requireNonNull(nameOrClassPath, "nameOrClassPath");
        Map<String, TypeEntry> types = view.winners().get(category);
        if (types == null) {
            types = view.winners().get(requireCategory(view, category).name());
        }
        TypeEntry entry = types.get(nameOrClassPath);
        if (entry != null) {
            return entry;
        }
        entry = types.get(Names.normalize(nameOrClassPath));
        if (entry != null) {
            return entry;
        }
        if (Names.isClassPath(nameOrClassPath)) {
            return resolveClassPath(view, Names.normalize(category), nameOrClassPath);
        }
        List<String> available = types.keySet().stream().sorted().toList();
        throw new TypeNotFoundException(Names.normalize(category), nameOrClassPath, available,
                NameSuggestions.closest(nameOrClassPath, available).orElse(null));
    }

    private TypeEntry resolveClassPath(RegistrySnapshot view, String category, String classPath) {
        List<TypeEntry> entries = view.byClassPath().getOrDefault(Names.binaryClassName(classPath), List.of());
        Map<String, TypeEntry> winners = view.winners().get(category);
        Optional<TypeEntry> match = entries.stream().filter(e -> e.category().equals(category))
                .min(Comparator.comparing((TypeEntry e) -> winners.get(e.name()) != e));
        if (match.isPresent()) {
            return match.get();
        }
        List<String> available = winners.keySet().stream().sorted().toList();
        if (!entries.isEmpty()) {
            TypeEntry elsewhere = entries.getFirst();
            throw new TypeNotFoundException(category, classPath, available, null, "Class " + elsewhere.classPath()
                    + " is registered in category '" + elsewhere.category() + "' as '" + elsewhere.name()
                    + "', not in '" + category + "'.");
        }
        throw new TypeNotFoundException(category, classPath, available, null, "Class " + classPath
                + " is not registered in category '" + category + "' (only registered classes can be looked up)."
                + (available.isEmpty() ? "" : " Available names: " + String.join(", ", available) + "."));
    }

    private static CategoryMetadata requireCategory(RegistrySnapshot view, String category) {
        CategoryMetadata metadata = view.categories().get(Names.normalize(category));
        if (metadata == null) {
            List<String> known = view.categories().keySet().stream().sorted().toList();
            throw new UnknownCategoryException(category, known, NameSuggestions.closest(category, known).orElse(null));
        }
        return metadata;
    }

    /** Throws {@link TypeNotFoundException} unless the name (not a class path) is registered. */
    void requireName(Category<?> category, String name) {
        RegistrySnapshot view = view();
        Map<String, TypeEntry> types = view.winners().get(requireCategory(view, category.name()).name());
        if (!types.containsKey(Names.normalize(name))) {
            List<String> available = types.keySet().stream().sorted().toList();
            throw new TypeNotFoundException(category.name(), name, available,
                    NameSuggestions.closest(name, available).orElse(null));
        }
    }

    /** True when the (normalised) name is registered in the category; false for unknown categories. */
    boolean hasName(Category<?> category, String normalizedName) {
        Map<String, TypeEntry> types = view().winners().get(category.name());
        return types != null && types.containsKey(normalizedName);
    }

    /** The entry each name of the category resolves to, in registration order. */
    public List<TypeEntry> listTypes(Category<?> category) {
        return listTypes(category.name());
    }

    /** The entry each name of the category resolves to, in registration order. */
    public List<TypeEntry> listTypes(String category) {
        RegistrySnapshot view = view();
        return List.copyOf(view.winners().get(requireCategory(view, category).name()).values());
    }

    /** Every registered entry, conflict losers included, in registration order. */
    public List<TypeEntry> allEntries() {
        return view().entries();
    }

    /** Category names in declaration order; internal ones only when asked for. */
    public List<String> listCategories(boolean includeInternal) {
        return view().categories().values().stream().filter(c -> includeInternal || !c.internal())
                .map(CategoryMetadata::name).toList();
    }

    /** Package names in load order; only {@code aiperf} when {@code builtinOnly}. */
    public List<String> listPackages(boolean builtinOnly) {
        return view().packages().values().stream().filter(p -> !builtinOnly || p.isBuiltin())
                .map(PackageMetadata::name).toList();
    }

    /**
     * A loaded package's metadata.
     *
     * @throws PluginException listing the loaded packages when the name is unknown
     */
    public PackageMetadata getPackageMetadata(String name) {
        Map<String, PackageMetadata> packages = view().packages();
        PackageMetadata pkg = packages.get(name.strip());
        if (pkg == null) {
            throw new PluginException("Unknown plugin package '" + name + "'."
                    + NameSuggestions.didYouMean(name, packages.keySet())
                    + " Loaded packages: " + String.join(", ", packages.keySet()) + ".");
        }
        return pkg;
    }

    /** A category's declaration. */
    public CategoryMetadata getCategoryMetadata(Category<?> category) {
        return requireCategory(view(), category.name());
    }

    /** A category's declaration, by name. */
    public CategoryMetadata getCategoryMetadata(String category) {
        return requireCategory(view(), category);
    }

    /** Reverse lookup: the name a class is registered under (preferring a name it wins), if any. */
    public Optional<String> findRegisteredName(Category<?> category, Class<?> cls) {
        return findRegisteredName(category.name(), cls);
    }

    /** Reverse lookup for a category given by name. */
    public Optional<String> findRegisteredName(String category, Class<?> cls) {
        RegistrySnapshot view = view();
        String name = requireCategory(view, category).name();
        Map<String, TypeEntry> winners = view.winners().get(name);
        List<TypeEntry> entries = view.byClassPath().getOrDefault(cls.getName(), List.of()).stream()
                .filter(e -> e.category().equals(name)).toList();
        return entries.stream().filter(e -> winners.get(e.name()) == e).findFirst().or(() -> entries.stream()
                .findFirst()).map(TypeEntry::name);
    }

    /**
     * The type whose {@code url_schemes} metadata lists the URL's scheme ({@code http} for
     * {@code http://host:8000}); the highest priority wins, then the first registered.
     */
    public Optional<String> detectTypeFromUrl(Category<?> category, String url) {
        return detectTypeFromUrl(category.name(), url);
    }

    /** Like {@link #detectTypeFromUrl(Category, String)} for a category given by name. */
    public Optional<String> detectTypeFromUrl(String category, String url) {
        Optional<String> scheme = UrlScheme.of(url);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        TypeEntry best = null;
        for (TypeEntry entry : listTypes(category)) {
            if (UrlScheme.listedIn(entry.metadata(), scheme.get()) && (best == null || entry.priority() > best.priority())) {
                best = entry;
            }
        }
        return Optional.ofNullable(best).map(TypeEntry::name);
    }

    /** A value set over the names currently registered in the category. */
    public DynamicEnum createEnum(Category<?> category, String enumName) {
        return createEnum(category.name(), enumName);
    }

    /** A value set over the names currently registered in the category, given by name. */
    public DynamicEnum createEnum(String category, String enumName) {
        List<String> names = listTypes(category).stream().map(TypeEntry::name).toList();
        return new DynamicEnum(enumName, Names.normalize(category), names);
    }

    /**
     * Validates every entry (conflict losers included) without running plugin code; see
     * {@link TypeEntry#validate(boolean)}.
     */
    public List<ValidationResult> validateAll(boolean checkClass) {
        return view().entries().stream().map(entry -> entry.validate(checkClass)).toList();
    }

    /**
     * How a name was resolved: every competing entry and each decision.
     *
     * @throws TypeNotFoundException when nothing is registered under the name
     */
    public Explanation explain(Category<?> category, String name) {
        return explain(category.name(), name);
    }

    /** Like {@link #explain(Category, String)} for a category given by name. */
    public Explanation explain(String category, String name) {
        RegistrySnapshot view = view();
        String categoryName = requireCategory(view, category).name();
        Explanation explanation = view.explanations().get(categoryName).get(Names.normalize(name));
        if (explanation == null) {
            List<String> available = view.winners().get(categoryName).keySet().stream().sorted().toList();
            throw new TypeNotFoundException(categoryName, name, available,
                    NameSuggestions.closest(name, available).orElse(null));
        }
        return explanation;
    }

    /** Every name that more than one entry competed for. */
    public List<Explanation> conflicts() {
        return view().explanations().values().stream().flatMap(byName -> byName.values().stream())
                .filter(Explanation::contested).toList();
    }

    /** Problems and warnings recorded by discovery and loading, in order. */
    public List<DiscoveryProblem> problems() {
        return view().problems();
    }

    @Override
    public String toString() {
        RegistrySnapshot view = snapshot;
        return "PluginRegistry[" + view.categories().size() + " categories, " + view.entries().size() + " entries, "
                + (discovered ? "discovered" : "not yet discovered") + "]";
    }
}
