package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.dataset.DatasetComposer;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code dataset_composer}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class DatasetComposerType extends PluginName {
    private static final PluginNames<DatasetComposerType> NAMES = new PluginNames<>(PluginType.DATASET_COMPOSER, DatasetComposerType::new);

    public static final DatasetComposerType SYNTHETIC = NAMES.constant("synthetic");

    private DatasetComposerType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static DatasetComposerType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<DatasetComposerType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<DatasetComposerType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<DatasetComposer> category() {
        return PluginType.DATASET_COMPOSER;
    }
}
