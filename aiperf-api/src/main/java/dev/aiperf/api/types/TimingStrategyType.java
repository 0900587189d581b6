package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.timing.TimingStrategy;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code timing_strategy}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class TimingStrategyType extends PluginName {
    private static final PluginNames<TimingStrategyType> NAMES = new PluginNames<>(PluginType.TIMING_STRATEGY, TimingStrategyType::new);

    public static final TimingStrategyType REQUEST_RATE = NAMES.constant("request_rate");

    private TimingStrategyType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static TimingStrategyType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<TimingStrategyType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<TimingStrategyType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<TimingStrategy> category() {
        return PluginType.TIMING_STRATEGY;
    }
}
