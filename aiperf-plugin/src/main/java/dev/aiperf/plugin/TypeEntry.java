package dev.aiperf.plugin;

import dev.aiperf.plugin.internal.ClassFileInspector;
import dev.aiperf.plugin.internal.MetadataMapper;
import dev.aiperf.plugin.internal.Names;

import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One registered plugin type: a (category, name) pair bound to a class in some package. Immutable;
 * the class itself is loaded only by {@link #load()}, through the class loader that discovered the
 * entry, and then cached.
 *
 * <p>Entries that lost a name conflict are still entries: they are returned by class-path lookups
 * and by {@link PluginRegistry#explain}, never by a lookup by name.
 *
 * <p>Thread safety: every method may be called from any thread; {@link #load()} is cheap once cached.
 */
public final class TypeEntry {
    private final CategoryMetadata category;
    private final String name;
    private final String packageName;
    private final String classPath;
    private final int priority;
    private final String description;
    private final Map<String, Object> metadata;
    private final boolean builtin;
    private final ManifestLocation location;
    private final ClassLoader classLoader;
    // Lazily filled caches; racing writers store equal values, so volatile is enough.
    private volatile Class<?> loadedClass;
    private volatile Object typedMetadata;

    TypeEntry(CategoryMetadata category, String name, String packageName, String classPath, int priority,
              String description, Map<String, Object> metadata, boolean builtin, ManifestLocation location,
              ClassLoader classLoader, Class<?> loadedClass) {
        this.category = Objects.requireNonNull(category, "category");
        this.name = Names.normalize(name);
        this.packageName = Objects.requireNonNull(packageName, "packageName");
        this.classPath = Names.binaryClassName(classPath);
        this.priority = priority;
        this.description = description == null ? "" : description;
        this.metadata = MetadataMapper.deepUnmodifiable(metadata);
        this.builtin = builtin;
        this.location = Objects.requireNonNull(location, "location");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.loadedClass = loadedClass;
    }

    /** Normalised category name, e.g. {@code endpoint}. */
    public String category() {
        return category.name();
    }

    /** The full declaration of this entry's category. */
    public CategoryMetadata categoryMetadata() {
        return category;
    }

    /** Normalised type name (lower case, {@code _} for {@code -}), e.g. {@code chat}. */
    public String name() {
        return name;
    }

    /** Name of the package that registered it, e.g. {@code aiperf}. */
    public String packageName() {
        return packageName;
    }

    /** Binary class name ({@code a.b.C}, also when the manifest wrote {@code a.b:C}). */
    public String classPath() {
        return classPath;
    }

    /** Conflict-resolution priority; higher wins. Built-ins use 0. */
    public int priority() {
        return priority;
    }

    /** Human-readable description, or empty. */
    public String description() {
        return description;
    }

    /** The entry's raw {@code metadata} mapping (unmodifiable, nested values too); empty when none. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** True when registered by the built-in package. */
    public boolean isBuiltin() {
        return builtin;
    }

    /** Where the entry was declared: manifest file, line and column, or {@code <runtime>} for {@code register}. */
    public ManifestLocation location() {
        return location;
    }

    /** The class loader its class is (or will be) loaded through. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** True once {@link #load()} has succeeded (or the entry was registered with a class). */
    public boolean isLoaded() {
        return loadedClass != null;
    }

    /**
     * Loads the class (without initialising it) on first call, checks that it implements the
     * category's protocol, and caches it.
     *
     * @throws PluginLoadException when the class is missing, fails to link, or does not implement the protocol
     */
    public Class<?> load() {
        Class<?> cls = loadedClass;
        if (cls == null) {
            cls = loadAndCheck();
            loadedClass = cls;
        }
        return cls;
    }

    private Class<?> loadAndCheck() {
        Class<?> cls;
        try {
            cls = Class.forName(classPath, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new PluginLoadException("Class " + classPath + " of " + describe() + " was not found", e);
        } catch (LinkageError e) {
            throw new PluginLoadException("Class " + classPath + " of " + describe() + " cannot be loaded: " + e, e);
        }
        Class<?> protocol = protocolClass();
        if (!protocol.isAssignableFrom(cls)) {
            throw new PluginLoadException("Class " + classPath + " of " + describe() + " does not implement "
                    + protocol.getName() + ", the protocol of category '" + category() + "'");
        }
        return cls;
    }

    /** The category's protocol interface, resolved through this entry's class loader. */
    Class<?> protocolClass() {
        try {
            return Class.forName(category.protocol(), false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginLoadException("Protocol " + category.protocol() + " of category '" + category()
                    + "' (declared at " + category.source() + ") is not visible from " + describe(), e);
        }
    }

    /**
     * Checks the entry without running any of its code. With {@code checkClass} false only the class
     * name's syntax is checked; with true the class file is read through the entry's class loader
     * (never loaded or initialised) and must exist, be a public concrete class and implement the
     * category's protocol, and the metadata must fit the category's metadata class.
     */
    public ValidationResult validate(boolean checkClass) {
        if (!Names.isValidClassName(classPath)) {
            return ValidationResult.failed(this, "'" + classPath + "' is not a valid class name");
        }
        if (!checkClass) {
            return ValidationResult.ok(this);
        }
        Optional<String> problem = loadedClass != null ? checkLoadedClass(loadedClass)
                : ClassFileInspector.check(classLoader, classPath, category.protocol());
        if (problem.isEmpty()) {
            problem = checkMetadata();
        }
        return problem.map(error -> ValidationResult.failed(this, error)).orElseGet(() -> ValidationResult.ok(this));
    }

    private Optional<String> checkLoadedClass(Class<?> cls) {
        int modifiers = cls.getModifiers();
        if (!Modifier.isPublic(modifiers) || cls.isInterface() || Modifier.isAbstract(modifiers)) {
            return Optional.of(classPath + " is not a public concrete class");
        }
        try {
            return protocolClass().isAssignableFrom(cls) ? Optional.empty()
                    : Optional.of(classPath + " does not implement " + category.protocol());
        } catch (PluginLoadException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<String> checkMetadata() {
        if (category.metadataClass() == null) {
            return Optional.empty();
        }
        try {
            typedMetadata();
            return Optional.empty();
        } catch (PluginException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The metadata converted to the category's {@code metadata_class} (snake_case keys to record
     * components), or empty when the category declares none. Cached after the first call.
     *
     * @throws ManifestException when a key is unknown or a value has the wrong type
     */
    public Optional<Object> typedMetadata() {
        String className = category.metadataClass();
        if (className == null) {
            return Optional.empty();
        }
        Object cached = typedMetadata;
        if (cached == null) {
            cached = metadata(metadataClass(className));
            typedMetadata = cached;
        }
        return Optional.of(cached);
    }

    /**
     * The metadata converted to the given record or class (snake_case keys to components).
     *
     * @throws ManifestException when a key is unknown or a value has the wrong type
     */
    public <M> M metadata(Class<M> type) {
        Object cached = typedMetadata;
        if (type.isInstance(cached)) {
            return type.cast(cached);
        }
        return MetadataMapper.convert(metadata, type, location, category() + "." + name);
    }

    private Class<?> metadataClass(String className) {
        try {
            return Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginLoadException("Metadata class " + className + " of category '" + category()
                    + "' is not visible from " + describe(), e);
        }
    }

    /** {@code category 'name' (package p, file:line:col)} for messages. */
    String describe() {
        return category() + " '" + name + "' (package " + packageName + ", " + location + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeEntry other && category.name().equals(other.category.name())
                && name.equals(other.name) && packageName.equals(other.packageName)
                && classPath.equals(other.classPath) && priority == other.priority && builtin == other.builtin
                && description.equals(other.description) && metadata.equals(other.metadata)
                && classLoader == other.classLoader;
    }

    @Override
    public int hashCode() {
        return Objects.hash(category.name(), name, packageName, classPath, priority);
    }

    /** {@code endpoint:chat -> a.b.ChatEndpoint [aiperf, priority 0]}. */
    @Override
    public String toString() {
        return category() + ":" + name + " -> " + classPath + " [" + packageName + ", priority " + priority + "]";
    }
}
