package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.ui.AiperfUi;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code ui}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class UiType extends PluginName {
    private static final PluginNames<UiType> NAMES = new PluginNames<>(PluginType.UI, UiType::new);

    public static final UiType PROGRESS = NAMES.constant("progress");
    public static final UiType SIMPLE = NAMES.constant("simple");
    public static final UiType NONE = NAMES.constant("none");

    private UiType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static UiType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<UiType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<UiType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<AiperfUi> category() {
        return PluginType.UI;
    }
}
