package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.transport.Transport;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code transport}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class TransportType extends PluginName {
    private static final PluginNames<TransportType> NAMES = new PluginNames<>(PluginType.TRANSPORT, TransportType::new);

    public static final TransportType HTTP = NAMES.constant("http");
    public static final TransportType HTTP2 = NAMES.constant("http2");

    private TransportType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static TransportType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<TransportType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<TransportType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<Transport> category() {
        return PluginType.TRANSPORT;
    }
}
