package dev.aiperf.tokenizers;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real Qwen3 and Llama 3 tokenizer.json files, loaded through DJL with the native library from its jar. */
class HuggingFaceTokenizerTest {

    private static final HuggingFaceTokenizer QWEN3 = LocalTokenizers.huggingFace(
            TestTokenizers.folder("qwen3").resolve("tokenizer.json"));
    private static final HuggingFaceTokenizer LLAMA3 = LocalTokenizers.huggingFace(
            TestTokenizers.folder("llama3").resolve("tokenizer.json"));

    @Test
    void djlRunsOfflineSoItNeverDownloadsANativeLibraryNorCallsHome() {
        // Read by DJL to pick the CPU library bundled in its jar and to skip its telemetry call.
        assertThat(ai.djl.util.Utils.isOfflineMode()).isTrue();
        assertThat(System.getProperty("ENGINE_CACHE_DIR", System.getenv("ENGINE_CACHE_DIR"))).isNotBlank();
    }

    @Test
    void qwen3GivesItsKnownIds() {
        assertThat(QWEN3.encode("Hello world")).containsExactly(9707, 1879);
        // Special tokens written in the text are parsed as such, as transformers does.
        assertThat(QWEN3.encode("<|im_start|>")).containsExactly(151644);
        assertThat(QWEN3.decode(new int[] {9707, 1879})).isEqualTo("Hello world");
    }

    @Test
    void llama3GivesItsKnownIdsWithoutABeginningOfTextToken() {
        assertThat(LLAMA3.encode("Hello world")).containsExactly(9906, 1917);
        assertThat(LLAMA3.decode(new int[] {128000, 9906})).isEqualTo("<|begin_of_text|>Hello");
    }

    @Test
    void decodingTheEncodingGivesTheTextBack() {
        String text = "Shall I compare thee to a summer's day? Thou art more lovely and more temperate.";

        assertThat(QWEN3.count(text)).isEqualTo(QWEN3.encode(text).length).isPositive();
        assertThat(QWEN3.decode(QWEN3.encode(text))).isEqualTo(text);
        assertThat(LLAMA3.decode(LLAMA3.encode(text))).isEqualTo(text);
    }

    @Test
    void longTextIsNotTruncated() {
        String text = "word" + " word".repeat(4_999);

        assertThat(QWEN3.count(text)).isEqualTo(5_000);
        assertThat(LLAMA3.count(text)).isEqualTo(5_000);
    }

    @Test
    void aFileThatIsNotATokenizerSaysWhich(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("tokenizer.json"), "{\"not\": \"a tokenizer\"}");

        assertThatThrownBy(() -> HuggingFaceTokenizer.load(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot load the Hugging Face tokenizer " + bad);
    }
}
