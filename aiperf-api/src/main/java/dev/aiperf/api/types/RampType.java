package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.timing.Ramp;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code ramp}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class RampType extends PluginName {
    private static final PluginNames<RampType> NAMES = new PluginNames<>(PluginType.RAMP, RampType::new);

    public static final RampType LINEAR = NAMES.constant("linear");
    public static final RampType EXPONENTIAL = NAMES.constant("exponential");

    private RampType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static RampType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<RampType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<RampType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<Ramp> category() {
        return PluginType.RAMP;
    }
}
