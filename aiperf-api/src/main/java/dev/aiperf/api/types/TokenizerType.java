package dev.aiperf.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.tokenizer.TokenizerLoader;
import dev.aiperf.plugin.PluginName;
import dev.aiperf.plugin.PluginNames;

import java.util.List;

/**
 * The name of a type in plugin category {@code tokenizer}, usable in config records and JSON.
 * Constants name the built-in types; {@link #of(String)} also accepts names that plugins register,
 * checked against the registry.
 */
public final class TokenizerType extends PluginName {
    private static final PluginNames<TokenizerType> NAMES = new PluginNames<>(PluginType.TOKENIZER, TokenizerType::new);

    public static final TokenizerType TIKTOKEN = NAMES.constant("tiktoken");
    public static final TokenizerType HUGGINGFACE = NAMES.constant("huggingface");

    private TokenizerType(String name) {
        super(name);
    }

    /**
     * The value for a name (case-insensitive, {@code -} equal to {@code _}).
     *
     * @throws dev.aiperf.plugin.TypeNotFoundException listing registered names and the closest one when unknown
     */
    @JsonCreator
    public static TokenizerType of(String name) {
        return NAMES.of(name);
    }

    /** The built-in constants, then every other name registered in the default registry. */
    public static List<TokenizerType> values() {
        return NAMES.values();
    }

    /** The built-in constants only. */
    public static List<TokenizerType> constants() {
        return NAMES.constants();
    }

    @Override
    public PluginType<TokenizerLoader> category() {
        return PluginType.TOKENIZER;
    }
}
