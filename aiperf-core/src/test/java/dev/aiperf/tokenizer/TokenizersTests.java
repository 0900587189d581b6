package dev.aiperf.tokenizer;

import dev.aiperf.api.tokenizer.Tokenizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizersTests {

    @Test
    void defaultIsCl100kBaseAndInstancesAreCached() {
        Tokenizer byDefault = Tokenizers.forName(null);

        assertThat(byDefault.name()).isEqualTo("cl100k_base");
        assertThat(Tokenizers.forName(" ")).isSameAs(byDefault);
        assertThat(Tokenizers.forName("cl100k_base")).isSameAs(byDefault);
    }

    @Test
    void modelNamesMapToTheirEncoding() {
        assertThat(((JTokkitTokenizer) Tokenizers.forName("gpt-4o")).encodingName()).isEqualTo("o200k_base");
        assertThat(((JTokkitTokenizer) Tokenizers.forName("openai/GPT-4o")).encodingName()).isEqualTo("o200k_base");
        assertThat(((JTokkitTokenizer) Tokenizers.forName("gpt-3.5-turbo")).encodingName()).isEqualTo("cl100k_base");
        assertThat(((JTokkitTokenizer) Tokenizers.forName("r50k_base")).encodingName()).isEqualTo("r50k_base");
        assertThat(((JTokkitTokenizer) Tokenizers.forName("p50k_base")).encodingName()).isEqualTo("p50k_base");
    }

    @Test
    void encodeDecodeAndCountAgree() {
        Tokenizer tokenizer = Tokenizers.forName("cl100k_base");
        String text = "Shall I compare thee to a summer's day?";

        int[] tokens = tokenizer.encode(text);

        assertThat(tokenizer.decode(tokens)).isEqualTo(text);
        assertThat(tokenizer.count(text)).isEqualTo(tokens.length).isEqualTo(11);
        assertThat(tokenizer.decode(tokens, 0, 4) + tokenizer.decode(tokens, 4, tokens.length)).isEqualTo(text);
    }

    @Test
    void specialTokenTextIsOrdinaryText() {
        Tokenizer tokenizer = Tokenizers.forName("cl100k_base");

        assertThat(tokenizer.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void unknownNamesSuggestTheClosestAndListTheValidOnes() {
        assertThatThrownBy(() -> Tokenizers.forName("cl100k_bse"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown tokenizer 'cl100k_bse'")
                .hasMessageContaining("Did you mean 'cl100k_base'?")
                .hasMessageContaining("o200k_base")
                .hasMessageContaining("--tokenizer");
        assertThatThrownBy(() -> Tokenizers.forName("Qwen/Qwen3-0.6B"))
                .hasMessageContaining("cannot be downloaded");
    }
}
