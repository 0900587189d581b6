package dev.aiperf.tokenizer;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.api.tokenizer.TokenizerLoader;
import dev.aiperf.api.tokenizer.TokenizerLookup;
import dev.aiperf.api.tokenizer.TokenizerSpec;
import dev.aiperf.endpoint.TestConfig;
import dev.aiperf.plugin.Plugins;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizersTests {

    private static final String TEXT = "Shall I compare thee to a summer's day?";

    @Test
    void defaultIsCl100kBaseAndBuiltinInstancesAreShared() {
        Tokenizer byDefault = Tokenizers.forName(null);

        assertThat(byDefault.name()).isEqualTo("cl100k_base");
        assertThat(Tokenizers.forName(" ")).isSameAs(byDefault);
        assertThat(Tokenizers.forName("cl100k_base")).isSameAs(byDefault);
    }

    @Test
    void modelNamesMapToTheirEncoding() {
        assertThat(Tokenizers.forName("gpt-4o").encode(TEXT)).isEqualTo(Tokenizers.forName("o200k_base").encode(TEXT));
        assertThat(Tokenizers.forName("openai/GPT-4o").encode(TEXT)).isEqualTo(Tokenizers.forName("o200k_base").encode(TEXT));
        assertThat(Tokenizers.forName("gpt-3.5-turbo").encode(TEXT)).isEqualTo(Tokenizers.forName("cl100k_base").encode(TEXT));
        assertThat(Tokenizers.forName("r50k_base").encode(TEXT)).isNotEqualTo(Tokenizers.forName("o200k_base").encode(TEXT));
    }

    @Test
    void encodeDecodeAndCountAgree() {
        Tokenizer tokenizer = Tokenizers.forName("cl100k_base");

        int[] tokens = tokenizer.encode(TEXT);

        assertThat(tokenizer.decode(tokens)).isEqualTo(TEXT);
        assertThat(tokenizer.count(TEXT)).isEqualTo(tokens.length).isEqualTo(11);
        assertThat(tokenizer.decode(tokens, 0, 4) + tokenizer.decode(tokens, 4, tokens.length)).isEqualTo(TEXT);
        assertThat(tokenizer.count("<|endoftext|>")).as("special-token text is ordinary text").isGreaterThan(1);
    }

    @Test
    void aFolderOrATokenizerJsonLoadsTheHuggingFaceTokenizer() {
        String folder = TestTokenizerFiles.folder("llama3").toString();

        Tokenizer llama = Tokenizers.forName(folder);

        assertThat(llama.name()).isEqualTo(folder);
        assertThat(llama.encode("Hello world")).containsExactly(9906, 1917);
        assertThat(Tokenizers.forName(folder + "/tokenizer.json").encode("Hello world")).containsExactly(9906, 1917);
        assertThat(Tokenizers.forName(TestTokenizerFiles.folder("qwen3").toString()).encode("Hello world"))
                .containsExactly(9707, 1879);
    }

    @Test
    void unknownNamesSayWhatEachLoaderTried() {
        assertThatThrownBy(() -> Tokenizers.forName("cl100k_bse"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown tokenizer 'cl100k_bse' (--tokenizer)")
                .hasMessageContaining("Did you mean 'cl100k_base'?")
                .hasMessageContaining("o200k_base");
        assertThatThrownBy(() -> Tokenizers.resolve(new TokenizerSpec("Qwen/Qwen3-0.6B", "v2", true)))
                .hasMessageContaining("huggingface: no Hugging Face tokenizer 'Qwen/Qwen3-0.6B' on this machine")
                .hasMessageContaining("models--Qwen--Qwen3-0.6B (revision v2)")
                .hasMessageContaining("Nothing is downloaded");
    }

    @Test
    void withoutTokenizerTheModelsOwnIsUsedWhenFound() {
        TestConfig config = new TestConfig();
        config.tokenizer = null;
        config.models = List.of(TestTokenizerFiles.folder("qwen3").toString());

        Tokenizers.Choice choice = Tokenizers.forRun(config.build());

        assertThat(choice.warning()).isNull();
        assertThat(choice.tokenizer().encode("Hello world")).containsExactly(9707, 1879);
    }

    @Test
    void withoutTokenizerAnUnknownModelFallsBackToCl100kWithOneWarning() {
        TestConfig config = new TestConfig();
        config.tokenizer = null;
        config.models = List.of("mock-model");
        BenchmarkConfig built = config.build();

        Tokenizers.Choice choice = Tokenizers.forRun(built);

        assertThat(choice.tokenizer()).isSameAs(Tokenizers.forName("cl100k_base"));
        assertThat(choice.spec().name()).isEqualTo("cl100k_base");
        assertThat(choice.warning()).contains("model 'mock-model'").contains("approximate").contains("--tokenizer")
                .doesNotContain("\n");
    }

    @Test
    void aPluginLoaderIsAskedBeforeTheBuiltins() {
        try {
            Plugins.register(PluginType.TOKENIZER, "letters", LetterLoader.class, 0, false);

            assertThat(Tokenizers.forName("letters").count("abc")).isEqualTo(3);
            assertThat(Tokenizers.forName("cl100k_base").count("abc")).isEqualTo(1);
        } finally {
            Plugins.reset();
        }
    }

    /** A plugin loader: one token per character for the name "letters". */
    public static final class LetterLoader implements TokenizerLoader {
        @Override
        public TokenizerLookup lookup(TokenizerSpec spec) {
            if (!spec.name().equals("letters")) {
                return TokenizerLookup.notFound("only 'letters'");
            }
            return TokenizerLookup.found(new Tokenizer() {
                @Override
                public String name() {
                    return "letters";
                }

                @Override
                public int[] encode(String text) {
                    return text.chars().toArray();
                }

                @Override
                public String decode(int[] tokens) {
                    return new String(tokens, 0, tokens.length);
                }
            });
        }
    }
}
