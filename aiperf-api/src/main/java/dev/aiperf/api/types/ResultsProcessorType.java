package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.record.ResultsProcessor;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code results_processor}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class ResultsProcessorType extends PluginName {
    private static final PluginNames<ResultsProcessorType> NAMES = new PluginNames<>(PluginType.RESULTS_PROCESSOR, ResultsProcessorType::new);

    public static final ResultsProcessorType METRIC_RESULTS = NAMES.constant("metric_results");

    private ResultsProcessorType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static ResultsProcessorType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<ResultsProcessorType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<ResultsProcessorType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<ResultsProcessor> category() {
        return PluginType.RESULTS_PROCESSOR;
    }
}
