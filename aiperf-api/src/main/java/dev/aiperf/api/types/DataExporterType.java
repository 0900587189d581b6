package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.export.DataExporter;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code data_exporter}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class DataExporterType extends PluginName {
    private static final PluginNames<DataExporterType> NAMES = new PluginNames<>(PluginType.DATA_EXPORTER, DataExporterType::new);

    public static final DataExporterType JSON = NAMES.constant("json");
    public static final DataExporterType CSV = NAMES.constant("csv");

    private DataExporterType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static DataExporterType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<DataExporterType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<DataExporterType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<DataExporter> category() {
        return PluginType.DATA_EXPORTER;
    }
}
