package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code arrival_pattern}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class ArrivalPatternType extends PluginName {
    private static final PluginNames<ArrivalPatternType> NAMES = new PluginNames<>(PluginType.ARRIVAL_PATTERN, ArrivalPatternType::new);

    public static final ArrivalPatternType CONSTANT = NAMES.constant("constant");
    public static final ArrivalPatternType POISSON = NAMES.constant("poisson");
    public static final ArrivalPatternType GAMMA = NAMES.constant("gamma");
    public static final ArrivalPatternType CONCURRENCY_BURST = NAMES.constant("concurrency_burst");

    private ArrivalPatternType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static ArrivalPatternType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<ArrivalPatternType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<ArrivalPatternType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<ArrivalPattern> category() {
        return PluginType.ARRIVAL_PATTERN;
    }
}
