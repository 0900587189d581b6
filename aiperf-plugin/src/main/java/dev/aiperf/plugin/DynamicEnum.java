package dev.aiperf.plugin;

import dev.aiperf.plugin.internal.Names;

import java.util.List;
import java.util.Objects;

/**
 * A named, fixed set of the type names registered in one category when it was created (see
 * {@link PluginRegistry#createEnum}); the Java form of the guide's generated {@code StrEnum}.
 */
public final class DynamicEnum {
    private final String name;
    private final String category;
    private final List<String> values;

    DynamicEnum(String name, String category, List<String> values) {
        this.name = Objects.requireNonNull(name, "name");
        this.category = category;
        this.values = List.copyOf(values);
    }

    /** The enum's name as given to {@code createEnum}, e.g. {@code MyEndpointType}. */
    public String name() {
        return name;
    }

    /** The category its values come from. */
    public String category() {
        return category;
    }

    /** The normalised type names, in registration order. */
    public List<String> values() {
        return values;
    }

    /** True when the name (matched case-insensitively, {@code -} equal to {@code _}) is a value. */
    public boolean contains(String value) {
        return values.contains(Names.normalize(value));
    }

    /**
     * The canonical (normalised) form of a value.
     *
     * @throws TypeNotFoundException listing the values and the closest one when it is not a value
     */
    public String valueOf(String value) {
        String normal = Names.normalize(value);
        if (values.contains(normal)) {
            return normal;
        }
        throw new TypeNotFoundException(category, value, values.stream().sorted().toList(),
                NameSuggestions.closest(value, values).orElse(null));
    }

    @Override
    public String toString() {
        return name + values;
    }
}
