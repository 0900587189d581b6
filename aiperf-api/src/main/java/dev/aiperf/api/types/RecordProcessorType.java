package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.record.RecordProcessor;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code record_processor}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class RecordProcessorType extends PluginName {
    private static final PluginNames<RecordProcessorType> NAMES = new PluginNames<>(PluginType.RECORD_PROCESSOR, RecordProcessorType::new);

    public static final RecordProcessorType METRIC_RECORD = NAMES.constant("metric_record");

    private RecordProcessorType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static RecordProcessorType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<RecordProcessorType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<RecordProcessorType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<RecordProcessor> category() {
        return PluginType.RECORD_PROCESSOR;
    }
}
