package dev.aiperf.plugin;

import dev.aiperf.plugin.internal.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The value table behind one {@link PluginName} subclass: its built-in constants plus the names
 * plugins register at run time. Thread-safe; one instance of each value exists per name.
 *
 * @param <N> the value class
 */
public final class PluginNames<N extends PluginName> {
    private final Category<?> category;
    private final Function<String, N> factory;
    private final Map<String, N> constants = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, N> values = new ConcurrentHashMap<>();

    /**
     * @param category the category the names belong to, never null
     * @param factory  makes a value from a normalised name (usually the private constructor), never null
     */
    public PluginNames(Category<?> category, Function<String, N> factory) {
        this.category = Objects.requireNonNull(category, "category");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** Declares a built-in constant; call only from the value class's static initialiser. */
    public synchronized N constant(String name) {
        N value = factory.apply(Names.normalize(name));
        constants.put(value.value(), value);
        values.put(value.value(), value);
        return value;
    }

    /**
     * The value for a name: a constant, or a name registered in the default registry.
     *
     * @throws TypeNotFoundException listing the registered names and the closest one when unknown
     */
    public N of(String name) {
        return of(name, Plugins.registry());
    }

    /** Like {@link #of(String)}, checking names that are not constants against the given registry. */
    public N of(String name, PluginRegistry registry) {
        Objects.requireNonNull(name, "name");
        String normal = Names.normalize(name);
        N constant = constants.get(normal);
        if (constant != null) {
            return constant;
        }
        registry.requireName(category, name);
        return values.computeIfAbsent(normal, factory);
    }

    /** True when the name is a constant or registered in the default registry. */
    public boolean isKnown(String name) {
        String normal = Names.normalize(name);
        return constants.containsKey(normal) || Plugins.registry().hasName(category, normal);
    }

    /** The built-in constants, in declaration order. */
    public List<N> constants() {
        return List.copyOf(constants.values());
    }

    /** Every name registered in the category of the default registry, then any constant not registered there. */
    public List<N> values() {
        List<N> result = new ArrayList<>();
        for (TypeEntry entry : Plugins.registry().listTypes(category)) {
            result.add(values.computeIfAbsent(entry.name(), factory));
        }
        constants.values().stream().filter(c -> !result.contains(c)).forEach(result::add);
        return List.copyOf(result);
    }
}
