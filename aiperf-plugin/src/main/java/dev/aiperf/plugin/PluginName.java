package dev.aiperf.plugin;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.aiperf.plugin.internal.Names;

/**
 * Base of the extensible "enum" classes that name the types of one category, such as
 * {@code EndpointType}: a subclass declares constants for the built-in names and a factory
 * {@code of(String)} that also accepts names added by plugins, checked against the registry.
 *
 * <p>Values compare equal when they are of the same class and have the same normalised name;
 * {@link #toString()} and JSON serialisation give that name, so a value works wherever a string
 * name is expected. Subclasses are final and hold their values in a {@link PluginNames} table:
 *
 * <pre>{@code
 * public final class EndpointType extends PluginName {
 *     private static final PluginNames<EndpointType> NAMES = new PluginNames<>(PluginType.ENDPOINT, EndpointType::new);
 *     public static final EndpointType CHAT = NAMES.constant("chat");
 *     private EndpointType(String name) { super(name); }
 *     public static EndpointType of(String name) { return NAMES.of(name); }
 *     public static List<EndpointType> values() { return NAMES.values(); }
 *     public Category<?> category() { return PluginType.ENDPOINT; }
 * }
 * }</pre>
 */
public abstract class PluginName implements Comparable<PluginName> {
    private final String value;

    protected PluginName(String value) {
        this.value = Names.normalize(value);
    }

    /** The category whose types this class names. */
    public abstract Category<?> category();

    /** The normalised type name, e.g. {@code chat}. */
    @JsonValue
    public final String value() {
        return value;
    }

    /** The registry entry this name currently resolves to in the default registry. */
    public final TypeEntry entry() {
        return Plugins.getType(category(), value);
    }

    @Override
    public final int compareTo(PluginName other) {
        return value.compareTo(other.value);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((PluginName) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}
