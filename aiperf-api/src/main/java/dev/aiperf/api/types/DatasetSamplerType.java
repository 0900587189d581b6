package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.dataset.DatasetSampler;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code dataset_sampler}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class DatasetSamplerType extends PluginName {
    private static final PluginNames<DatasetSamplerType> NAMES = new PluginNames<>(PluginType.DATASET_SAMPLER, DatasetSamplerType::new);

    public static final DatasetSamplerType SEQUENTIAL = NAMES.constant("sequential");
    public static final DatasetSamplerType RANDOM = NAMES.constant("random");
    public static final DatasetSamplerType SHUFFLE = NAMES.constant("shuffle");

    private DatasetSamplerType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static DatasetSamplerType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<DatasetSamplerType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<DatasetSamplerType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<DatasetSampler> category() {
        return PluginType.DATASET_SAMPLER;
    }
}
