package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code endpoint}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class EndpointType extends PluginName {
    private static final PluginNames<EndpointType> NAMES = new PluginNames<>(PluginType.ENDPOINT, EndpointType::new);

    public static final EndpointType CHAT = NAMES.constant("chat");
    public static final EndpointType COMPLETIONS = NAMES.constant("completions");
    public static final EndpointType EMBEDDINGS = NAMES.constant("embeddings");

    private EndpointType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static EndpointType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<EndpointType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<EndpointType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<Endpoint> category() {
        return PluginType.ENDPOINT;
    }
}
