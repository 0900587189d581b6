package dev.aiperf.engine;

import dev.aiperf.plugin.Category;
import dev.aiperf.plugin.PluginLoadException;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.TypeEntry;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds plugin instances by the one rule of the plugin contract: the registry names the class, and
 * its public constructor taking the category's context object (e.g. {@code EndpointContext}) builds
 * it, else its public no-argument constructor. Nothing else is tried.
 *
 * <p>Whatever goes wrong (the class is missing or needs a missing class, its static initialiser or
 * constructor throws, it does not implement the category's interface, it has neither constructor)
 * ends in one {@link PluginFailureException} naming the plugin, its package, class and jar, and the
 * cause. One exception: a built-in plugin whose constructor rejects the configuration with an
 * {@link IllegalArgumentException} (an unknown {@code --goodput} metric) passes it on unchanged, as
 * the usage error it is.
 *
 * <p>It also remembers every plugin it built: {@link #used()} is what a run used, for the announcement
 * of third-party plugins and for {@code plugins_used.json}. Thread-safe.
 */
public final class PluginFactory {
    private final PluginRegistry registry;
    private final Map<String, UsedPlugin> used = new LinkedHashMap<>();

    public PluginFactory(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The registry plugins are looked up in. */
    public PluginRegistry registry() {
        return registry;
    }

    /** An instance of the plugin registered as {@code name} in {@code category}, built from {@code context} or (). */
    public <T, C> T create(Category<T> category, String name, Class<C> contextType, C context) {
        return create(category, registry.getType(category, name), contextType, context);
    }

    /** An instance of the plugin of {@code entry}, built from {@code context} or (). */
    public <T, C> T create(Category<T> category, TypeEntry entry, Class<C> contextType, C context) {
        Class<?> cls = loadClass(category, entry);
        Constructor<?> constructor = constructor(entry, cls, contextType);
        Object instance = invoke(entry, constructor, constructor.getParameterCount() == 0
                ? new Object[0] : new Object[] {context});
        recordUse(entry, cls);
        return category.protocol().cast(instance);
    }

    /**
     * Loads and initialises the class of {@code entry}, checks that it implements the category's
     * interface and records it as used, without building an instance: the engine checks a plugin it
     * builds later (the transport, which owns threads) this way.
     */
    public Class<?> load(Category<?> category, TypeEntry entry) {
        Class<?> cls = loadClass(category, entry);
        recordUse(entry, cls);
        return cls;
    }

    private void recordUse(TypeEntry entry, Class<?> cls) {
        String key = entry.category() + ":" + entry.name();
        synchronized (used) {
            if (!used.containsKey(key)) {
                used.put(key, UsedPlugin.of(registry, entry, cls));
            }
        }
    }

    private Class<?> loadClass(Category<?> category, TypeEntry entry) {
        Class<?> cls;
        try {
            cls = entry.load();
        } catch (PluginLoadException e) {
            throw loadFailure(category, entry, e);
        } catch (LinkageError e) {
            throw PluginFailureException.of(registry, entry, null, problem("its class cannot be loaded", e), e);
        }
        if (!category.protocol().isAssignableFrom(cls)) {
            throw PluginFailureException.of(registry, entry, cls, "the class does not implement "
                    + category.protocol().getName() + ", the interface of category '" + category.name() + "'", null);
        }
        if (cls.isInterface() || Modifier.isAbstract(cls.getModifiers()) || !Modifier.isPublic(cls.getModifiers())) {
            throw PluginFailureException.of(registry, entry, cls, "the class is not a public concrete class", null);
        }
        try {
            Class.forName(cls.getName(), true, cls.getClassLoader());
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw PluginFailureException.of(registry, entry, cls, problem("its static initialiser threw", cause), e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw PluginFailureException.of(registry, entry, cls, problem("its class cannot be initialised", e), e);
        }
        return cls;
    }

    /** Every plugin built so far, one per (category, name), in the order they were first built. */
    public List<UsedPlugin> used() {
        synchronized (used) {
            return List.copyOf(used.values());
        }
    }

    private Constructor<?> constructor(TypeEntry entry, Class<?> cls, Class<?> contextType) {
        Constructor<?>[] constructors;
        try {
            constructors = cls.getConstructors();
        } catch (LinkageError e) {
            throw PluginFailureException.of(registry, entry, cls, problem("its constructors cannot be resolved", e), e);
        }
        Constructor<?> noArgs = null;
        for (Constructor<?> c : constructors) {
            Class<?>[] params = c.getParameterTypes();
            if (params.length == 1 && params[0] == contextType) {
                return c;
            }
            if (params.length == 0) {
                noArgs = c;
            }
        }
        if (noArgs != null) {
            return noArgs;
        }
        String simple = cls.getSimpleName();
        String found = constructors.length == 0 ? "it has no public constructor"
                : "it has " + Arrays.stream(constructors).map(PluginFactory::signature).collect(Collectors.joining(", "));
        throw PluginFailureException.of(registry, entry, cls, "no usable constructor: expected public " + simple + "("
                + contextType.getName() + ") or public " + simple + "(); " + found, null);
    }

    private Object invoke(TypeEntry entry, Constructor<?> constructor, Object[] args) {
        Class<?> cls = constructor.getDeclaringClass();
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof PluginFailureException nested) {
                throw nested; // a plugin it builds in turn (a strategy's ramp) failed: that one is named
            }
            if (cause instanceof IllegalArgumentException rejected && entry.isBuiltin()) {
                throw rejected; // a built-in rejecting the configuration: its message is the user's usage error
            }
            throw PluginFailureException.of(registry, entry, cls, problem("its constructor threw", cause), cause);
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw PluginFailureException.of(registry, entry, cls, problem("its static initialiser threw", cause), e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw PluginFailureException.of(registry, entry, cls, problem("it cannot be constructed", e), e);
        }
    }

    /** The registry could not load the class: say which of the usual reasons it is, in the same words. */
    private PluginFailureException loadFailure(Category<?> category, TypeEntry entry, PluginLoadException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ClassNotFoundException) {
            return PluginFailureException.of(registry, entry, null, "its class was not found", e);
        }
        if (cause != null) {
            return PluginFailureException.of(registry, entry, null, problem("its class cannot be loaded", cause), e);
        }
        // No cause: the class loaded but is not of the category's interface.
        Class<?> cls = null;
        try {
            cls = Class.forName(entry.classPath(), false, entry.classLoader());
        } catch (ClassNotFoundException | LinkageError unexpected) {
            // keep the registry's own words below
        }
        String problem = cls != null && !category.protocol().isAssignableFrom(cls)
                ? "the class does not implement " + category.protocol().getName() + ", the interface of category '"
                + category.name() + "'"
                : e.getMessage();
        return PluginFailureException.of(registry, entry, cls, problem, e);
    }

    /**
     * {@code what: Type: message}, except that a missing class reads {@code a class it needs is missing: a.b.C}
     * whatever stage found it: that is the one thing the user has to fix.
     */
    static String problem(String what, Throwable cause) {
        if (cause instanceof NoClassDefFoundError failed && failed.getMessage() != null
                && failed.getMessage().startsWith("Could not initialize class")) {
            return "its static initialiser failed earlier in this JVM: " + failed.getMessage();
        }
        if (cause instanceof NoClassDefFoundError missing && missing.getMessage() != null) {
            return "a class it needs is missing: " + missing.getMessage().replace('/', '.')
                    + " (add its jar to the plugins directory)";
        }
        if (cause instanceof ExceptionInInitializerError init && init.getCause() != null) {
            return problem(what, init.getCause());
        }
        String message = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        return what + (what.endsWith("threw") ? " " : ": ") + type
                + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String signature(Constructor<?> c) {
        List<String> params = new ArrayList<>();
        for (Class<?> p : c.getParameterTypes()) {
            params.add(p.getSimpleName());
        }
        return c.getDeclaringClass().getSimpleName() + "(" + String.join(", ", params) + ")";
    }
}
