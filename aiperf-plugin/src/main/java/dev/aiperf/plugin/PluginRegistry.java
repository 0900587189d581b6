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
 * <p>Categories: those declared by a {@code categories.yaml} (the built-ins' or a plugin jar's),
 * and <em>open</em> ones that a manifest entry or {@code register} call opens by using a name no
 * categories file declares (no protocol: any class is accepted).
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

    private static final System.Logger LOG = System.getLogger(PluginRegistry.class.getName());
    private static final ManifestLocation RUNTIME = ManifestLocation.ofFile("<runtime>");

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
        ManifestRegistration.Outcome outcome = ManifestRegistration.registerAll(contents, discovery);
        if (scanClassPath || pluginsDir != null) {
            LOG.log(System.Logger.Level.INFO, "Plugin discovery: " + outcome.loaded() + " manifest"
                    + (outcome.loaded() == 1 ? "" : "s") + " loaded, " + outcome.skipped() + " skipped"
                    + (pluginsDir == null ? "" : " (plugins directory " + pluginsDir + ")"));
        }
    }

    /**
     * Loads an additional manifest from a file; its classes must be visible to this registry's class
     * loader. Discovery runs first if it has not yet. A manifest without a {@code plugin:} section
     * forms a package named after the file's absolute path (see {@link #loadRegistry(Path, String)}).
     *
     * @return the manifest's package, or null when it registers nothing (an empty file, or only
     *         {@code schema_version})
     * @throws ManifestException naming file, line and column when the manifest is not valid
     */
    public PackageMetadata loadRegistry(Path manifest) {
        return loadRegistry(manifest, null);
    }

    /**
     * Like {@link #loadRegistry(Path)}; a manifest without a {@code plugin:} section forms a package
     * named {@code packageName} (or, when that is null, the file's absolute path).
     */
    public PackageMetadata loadRegistry(Path manifest, String packageName) {
        String text = PluginDiscovery.read(manifest);
        String fallback = packageName != null && !packageName.isBlank() ? packageName.strip()
                : manifest.toAbsolutePath().normalize().toString();
        return mutate(() -> ManifestRegistration.addManifest(contents, text, manifest.toString(), classLoader,
                false, fallback));
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
     * Registers a class at run time, without a manifest. A category that is not declared yet is
     * declared: with its protocol for a typed {@link Category} (such as a {@code PluginType}), else
     * as an open category that accepts any class.
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
                        false, RUNTIME));
            }
            return registerClass(category.name(), name, cls, priority, builtin);
        });
    }

    /**
     * Like {@link #register(Category, String, Class, int, boolean)} for a category given by name; a
     * category no one declared is opened (no protocol).
     */
    public TypeEntry register(String category, String name, Class<?> cls, int priority, boolean builtin) {
        return mutate(() -> registerClass(category, name, cls, priority, builtin));
    }

    private TypeEntry registerClass(String categoryName, String name, Class<?> cls, int priority, boolean builtin) {
        Objects.requireNonNull(cls, "cls");
        String normalized = Names.normalize(categoryName);
        CategoryMetadata category = contents.category(normalized);
        if (category == null) {
            category = ManifestRegistration.open(contents, normalized, RUNTIME);
        }
        ClassLoader loader = cls.getClassLoader() != null ? cls.getClassLoader() : classLoader;
        String packageName = builtin ? PackageMetadata.BUILTIN_PACKAGE : PackageMetadata.RUNTIME_PACKAGE;
        TypeEntry entry = new TypeEntry(category, name, packageName, cls.getName(), priority, "", Map.of(), builtin,
                RUNTIME, loader, cls);
        Class<?> protocol = entry.protocolClass();
        if (!protocol.isAssignableFrom(cls)) {
            throw new PluginLoadException("Cannot register " + cls.getName() + " as " + category.name() + " '"
                    + entry.name() + "': it does not implement " + protocol.getName());
        }
        contents.add(entry);
        contents.ensurePackage(PackageMetadata.unnamed(packageName, RUNTIME.toString()));
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
     * Restores the freshly discovered state: the built-ins and the installed plugins, as a new
     * registry with the same settings would find them. Runtime registrations ({@code register}),
     * manifests and categories loaded with {@code loadRegistry}/{@code loadCategories}, and their
     * problems are dropped. Discovery runs again on the next use, so a jar added to (or removed
     * from) the plugins directory since is seen; each jar gets a new class loader, so a plugin class
     * loaded before the reset and the same class after it are distinct {@code Class} objects. The
     * old class loaders stay open until {@link #close()} (their classes may still be in use). A
     * registry that discovers nothing ({@link #empty()}) is empty again.
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
        return checked(category, entry, entry.load());
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

    /** The entry each name of the category resolves to, in registration order. */
    public List<TypeEntry> listTypes(Category<?> category) {
        return listTypes(category.name());
    }

    /** The entry each name of the category resolves to, in registration order. */
    public List<TypeEntry> listTypes(String category) {
        RegistrySnapshot view = view();
        return List.copyOf(view.winners().get(requireCategory(view, category).name()).values());
    }

    /** True when a name (or registered class path) resolves in the category; false for an unknown category. */
    public boolean hasType(Category<?> category, String nameOrClassPath) {
        return hasType(category.name(), nameOrClassPath);
    }

    /** True when a name (or registered class path) resolves in the category given by name. */
    public boolean hasType(String category, String nameOrClassPath) {
        RegistrySnapshot view = view();
        String categoryName = Names.normalize(category);
        Map<String, TypeEntry> types = view.winners().get(categoryName);
        if (types == null) {
            return false;
        }
        if (types.containsKey(Names.normalize(nameOrClassPath))) {
            return true;
        }
        return Names.isClassPath(nameOrClassPath) && view.byClassPath()
                .getOrDefault(Names.binaryClassName(nameOrClassPath), List.of()).stream()
                .anyMatch(e -> e.category().equals(categoryName));
    }

    /**
     * Every type of the category with its class: the entries of {@link #listTypes(Category)}, each
     * class loaded (and checked against the category's protocol) only when the iteration reaches it.
     * Nothing is skipped: a class that cannot be loaded ends the iteration with its
     * {@link PluginLoadException}, so a caller that wants to go on catches it around {@code next()}.
     *
     * @throws UnknownCategoryException when the category is not declared (at the call, not later)
     */
    public <T> Iterable<LoadedType<T>> iterAll(Category<T> category) {
        List<TypeEntry> entries = listTypes(category);
        return () -> new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < entries.size();
            }

            @Override
            public LoadedType<T> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                TypeEntry entry = entries.get(next++);
                return new LoadedType<>(entry, checked(category, entry, entry.load()));
            }
        };
    }

    /** {@link #iterAll(Category)} for a category given by name; classes are checked against its declared protocol. */
    public Iterable<LoadedType<Object>> iterAll(String category) {
        return iterAll(Category.named(category));
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<? extends T> checked(Category<T> category, TypeEntry entry, Class<?> cls) {
        Class<T> protocol = category.protocol();
        if (!protocol.isAssignableFrom(cls)) {
            throw new PluginLoadException(cls.getName() + " (" + entry.describe() + ") does not implement "
                    + protocol.getName());
        }
        return (Class<? extends T>) cls;
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

    /** An enum over the type names currently registered in the category; see {@link DynamicEnum}. */
    public DynamicEnum createEnum(Category<?> category, String enumName) {
        return createEnum(category.name(), enumName);
    }

    /** An enum over the type names currently registered in the category given by name. */
    public DynamicEnum createEnum(String category, String enumName) {
        List<String> names = listTypes(category).stream().map(TypeEntry::name).toList();
        return DynamicEnum.ofTypeNames(enumName, Names.normalize(category), names);
    }

    /**
     * An enum over the category's type names, named by the category's {@code enum} declaration
     * (e.g. {@code EndpointType}), or for a category without one, its name in UpperCamelCase plus
     * {@code Type} ({@code my_category} gives {@code MyCategoryType}).
     */
    public DynamicEnum createEnum(String category) {
        CategoryMetadata metadata = getCategoryMetadata(category);
        return createEnum(metadata.name(), metadata.enumName() != null ? metadata.enumName()
                : DynamicEnum.defaultName(metadata.name()));
    }

    /** {@link #createEnum(String)} for a typed category. */
    public DynamicEnum createEnum(Category<?> category) {
        return createEnum(category.name());
    }

    /**
     * An enum of explicit members (member name to value, in the map's order), not tied to any
     * category; the same as {@link DynamicEnum#of(String, Map)}.
     */
    public DynamicEnum createDynamicEnum(String enumName, Map<String, String> members) {
        return DynamicEnum.of(enumName, members);
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
