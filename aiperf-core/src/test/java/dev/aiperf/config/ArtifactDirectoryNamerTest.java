package dev.aiperf.config;

import dev.aiperf.api.config.LoadConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec §1.5 / metrics spec §5.1, with the verified examples of the original. */
class ArtifactDirectoryNamerTest {

    private static LoadConfig load(Integer concurrency, Double rate) {
        return new LoadConfig("request_rate", concurrency, rate, rate == null ? "concurrency_burst" : "poisson", null,
                10, null, null, 30, null, null);
    }

    @Test
    void namesMatchTheOriginal() {
        assertThat(ArtifactDirectoryNamer.name(List.of("Qwen/Qwen3-0.6B"), "openai", "chat", load(2, null)))
                .isEqualTo("Qwen_Qwen3-0.6B-openai-chat-concurrency2");
        assertThat(ArtifactDirectoryNamer.name(List.of("meta-llama/Llama-3.1-8B", "x"), "openai", "completions",
                load(8, 2.5))).isEqualTo("meta-llama_Llama-3.1-8B_multi-openai-completions-concurrency8-request_rate2.5");
        assertThat(ArtifactDirectoryNamer.name(List.of("m"), "openai", "embeddings", load(null, null)))
                .isEqualTo("m-openai-embeddings-concurrency1");
        assertThat(ArtifactDirectoryNamer.name(List.of("m"), "openai", "chat", load(null, 10.0)))
                .isEqualTo("m-openai-chat-request_rate10.0");
    }
}
