package dev.aiperf.engine;

import dev.aiperf.plugin.Category;
import dev.aiperf.plugin.Plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds plugin instances the way the pipeline contract says: the registry names the class, and a
 * public constructor matching one of the offered argument lists builds it, the first list that fits
 * winning; a public no-arg constructor is always the last resort.
 *
 * <p>An exception thrown by the plugin's constructor propagates unchanged when it is unchecked (a
 * plugin that rejects its configuration throws {@link IllegalArgumentException} with a message for
 * the user); a checked one is wrapped in {@link PluginInstantiationException}.
 */
public final class PluginFactory {

    private PluginFactory() {
    }

    /** An instance of the plugin registered as {@code name} in {@code category}, built from {@code args} or (). */
    public static <T> T create(Category<T> category, String name, Object... args) {
        Class<? extends T> cls = Plugins.getClass(category, name);
        return instantiate(category, name, cls, args);
    }

    /** Like {@link #create} but offering several argument lists, most specific first. */
    public static <T> T createWithAny(Category<T> category, String name, Object[]... argLists) {
        Class<? extends T> cls = Plugins.getClass(category, name);
        return instantiate(category, name, cls, argLists);
    }

    /** Builds {@code cls} (already resolved from the registry) from the first argument list that fits, or (). */
    public static <T> T instantiate(Category<T> category, String name, Class<?> cls, Object[]... argLists) {
        if (Modifier.isAbstract(cls.getModifiers()) || !Modifier.isPublic(cls.getModifiers())) {
            throw new PluginInstantiationException(describe(category, name, cls) + " is not a public concrete class");
        }
        List<Object[]> candidates = new ArrayList<>(Arrays.asList(argLists));
        candidates.add(new Object[0]);
        for (Object[] args : candidates) {
            Constructor<?> constructor = matching(cls, args);
            if (constructor != null) {
                return category.protocol().cast(invoke(category, name, constructor, args));
            }
        }
        throw new PluginInstantiationException(describe(category, name, cls) + " has no public constructor "
                + candidates.stream().map(PluginFactory::signature).collect(Collectors.joining(" or "))
                + "; see the constructor table of the pipeline contract");
    }

    private static Constructor<?> matching(Class<?> cls, Object[] args) {
        for (Constructor<?> c : cls.getConstructors()) {
            Class<?>[] params = c.getParameterTypes();
            if (params.length == args.length && accepts(params, args)) {
                return c;
            }
        }
        return null;
    }

    private static boolean accepts(Class<?>[] params, Object[] args) {
        for (int i = 0; i < params.length; i++) {
            Class<?> p = wrap(params[i]);
            if (args[i] == null ? params[i].isPrimitive() : !p.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            case "float" -> Float.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            default -> Character.class;
        };
    }

    private static Object invoke(Category<?> category, String name, Constructor<?> constructor, Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new PluginInstantiationException(describe(category, name, constructor.getDeclaringClass())
                    + " failed to start: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new PluginInstantiationException(describe(category, name, constructor.getDeclaringClass())
                    + " cannot be constructed: " + e, e);
        }
    }

    private static String signature(Object[] args) {
        return Arrays.stream(args).map(a -> a == null ? "?" : simpleApiName(a.getClass()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String simpleApiName(Class<?> type) {
        // Name the interface a plugin author sees, not our implementation class.
        for (Class<?> i : type.getInterfaces()) {
            if (i.getName().startsWith("dev.aiperf.api.")) {
                return i.getSimpleName();
            }
        }
        return type.getSimpleName();
    }

    private static String describe(Category<?> category, String name, Class<?> cls) {
        return category.name() + " plugin '" + name + "' (class " + cls.getName() + ")";
    }

    /** A registered plugin class cannot be turned into an instance. */
    public static final class PluginInstantiationException extends RuntimeException {
        public PluginInstantiationException(String message) {
            super(message);
        }

        public PluginInstantiationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
