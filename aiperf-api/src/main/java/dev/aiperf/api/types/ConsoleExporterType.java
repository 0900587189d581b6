package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.export.ConsoleExporter;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code console_exporter}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class ConsoleExporterType extends PluginName {
    private static final PluginNames<ConsoleExporterType> NAMES = new PluginNames<>(PluginType.CONSOLE_EXPORTER, ConsoleExporterType::new);

    public static final ConsoleExporterType METRICS_TABLE = NAMES.constant("metrics_table");
    public static final ConsoleExporterType ERROR_SUMMARY = NAMES.constant("error_summary");

    private ConsoleExporterType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static ConsoleExporterType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<ConsoleExporterType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<ConsoleExporterType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<ConsoleExporter> category() {
        return PluginType.CONSOLE_EXPORTER;
    }
}
