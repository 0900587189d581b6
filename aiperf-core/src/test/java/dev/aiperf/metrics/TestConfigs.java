package dev.aiperf.metrics;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.OutputConfig;
import dev.aiperf.api.endpoint.EndpointMetadata;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Configurations and endpoint metadata for metric, export and console tests. */
public final class TestConfigs {
    public static final EndpointMetadata CHAT = new EndpointMetadata("/v1/chat/completions", null, true, true, true,
            true, true, "LLM Metrics", "openai");
    public static final EndpointMetadata COMPLETIONS = new EndpointMetadata("/v1/completions", null, true, true, true,
            false, false, "LLM Metrics", "openai");
    public static final EndpointMetadata EMBEDDINGS = new EndpointMetadata("/v1/embeddings", null, false, false, true,
            false, false, "Embeddings Metrics", "openai");

    private TestConfigs() {
    }

    /** A mutable builder with the defaults of {@code aiperf profile -m Qwen/Qwen3-0.6B --streaming}. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String type = "chat";
        private boolean streaming = true;
        private boolean useServerTokenCount;
        private String apiKey;
        private List<KeyValue> headers = List.of();
        private Map<String, Double> goodput = Map.of();
        private Path artifactDir = Path.of("artifacts", "test");
        private String exportLevel = "records";
        private String commandLine = "aiperf profile -m Qwen/Qwen3-0.6B --streaming";
        private Integer concurrency = 2;
        private Integer requestCount = 5;

        public Builder type(String value) {
            type = value;
            return this;
        }

        public Builder streaming(boolean value) {
            streaming = value;
            return this;
        }

        public Builder useServerTokenCount(boolean value) {
            useServerTokenCount = value;
            return this;
        }

        public Builder apiKey(String value) {
            apiKey = value;
            return this;
        }

        public Builder headers(List<KeyValue> value) {
            headers = value;
            return this;
        }

        public Builder goodput(Map<String, Double> value) {
            goodput = value;
            return this;
        }

        public Builder artifactDir(Path value) {
            artifactDir = value;
            return this;
        }

        public Builder exportLevel(String value) {
            exportLevel = value;
            return this;
        }

        public Builder commandLine(String value) {
            commandLine = value;
            return this;
        }

        public BenchmarkConfig build() {
            EndpointConfig endpoint = new EndpointConfig(List.of("Qwen/Qwen3-0.6B"), "round_robin", type, null,
                    streaming, List.of("localhost:8000"), 600.0, apiKey, null, false, useServerTokenCount, "pooled",
                    List.of(), headers);
            InputConfig input = new InputConfig(null, null, null, 42L, 1, 550, 0.0, null, 0.0, null, 0, 0, null, null,
                    100, 1, 0.0, 0.0, 0.0, 1.0);
            LoadConfig load = new LoadConfig("request_rate", concurrency, null, "concurrency_burst", null,
                    requestCount, null, null, 30.0, null, null);
            OutputConfig output = new OutputConfig(artifactDir, exportLevel, "none", goodput, "cl100k_base",
                    commandLine);
            return new BenchmarkConfig(endpoint, input, load, output);
        }
    }
}
