package dev.aiperf.plugin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A typed key for a plugin category: its normalised name and the protocol (interface) its
 * implementations must implement. Registry lookups through a {@code Category<T>} return
 * {@code Class<? extends T>}, so callers get compile-time types without casts.
 *
 * <p>The registry module knows no category itself; {@code dev.aiperf.api.PluginType} declares the
 * built-in ones. A category that only exists at run time (added by a plugin's categories.yaml) can
 * be named with {@link #named(String)}.
 *
 * <p>Two keys are equal when their names are. A key is {@link Serializable} and its JSON form is its
 * name ({@link #named(String)} reads it back; {@code PluginType} reads back its own constants).
 */
public class Category<T> implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Class<T> protocol;

    protected Category(String name, Class<T> protocol) {
        this.name = normalize(Objects.requireNonNull(name, "name"));
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    /** A typed category key. */
    public static <T> Category<T> of(String name, Class<T> protocol) {
        return new Category<>(name, protocol);
    }

    /** An untyped key for a category known only by name; lookups return {@code Class<?>}. */
    @JsonCreator
    public static Category<Object> named(String name) {
        return new Category<>(name, Object.class);
    }

    /** The normalised category name, e.g. {@code endpoint}, {@code data_exporter}; also its JSON form. */
    @JsonValue
    public final String name() {
        return name;
    }

    /** The interface implementations are checked against when loaded ({@code Object} when untyped). */
    public final Class<T> protocol() {
        return protocol;
    }

    /** Names match case-insensitively, with {@code -} equal to {@code _}, surrounding blanks ignored. */
    public static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Category<?> other && other.name.equals(name);
    }

    @Override
    public final int hashCode() {
        return name.hashCode();
    }

    @Override
    public final String toString() {
        return name;
    }
}
