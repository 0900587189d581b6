package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.service.Communication;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code communication}, usable in config records and JSON.
 * No type of this category is built in; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class CommunicationType extends PluginName {
    private static final PluginNames<CommunicationType> NAMES = new PluginNames<>(PluginType.COMMUNICATION, CommunicationType::new);

    private CommunicationType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static CommunicationType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<CommunicationType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<CommunicationType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<Communication> category() {
        return PluginType.COMMUNICATION;
    }
}
