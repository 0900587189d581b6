package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.dataset.CustomDatasetLoader;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code custom_dataset_loader}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class CustomDatasetLoaderType extends PluginName {
    private static final PluginNames<CustomDatasetLoaderType> NAMES = new PluginNames<>(PluginType.CUSTOM_DATASET_LOADER, CustomDatasetLoaderType::new);

    public static final CustomDatasetLoaderType SINGLE_TURN = NAMES.constant("single_turn");

    private CustomDatasetLoaderType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static CustomDatasetLoaderType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<CustomDatasetLoaderType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<CustomDatasetLoaderType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<CustomDatasetLoader> category() {
        return PluginType.CUSTOM_DATASET_LOADER;
    }
}
