package dev.aiperf.study;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.OutputConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small streaming chat configurations against a mock, for study tests. */
final class StudyConfigs {
    private StudyConfigs() {
    }

    static BenchmarkConfig chat(String url, Path dir, int concurrency, int requests, Map<String, Double> goodput) {
        EndpointConfig endpoint = new EndpointConfig(List.of("mock-model"), "round_robin", "chat", null, true,
                List.of(url), 30, null, null, false, false, "pooled", List.of(new KeyValue("ignore_eos", true)),
                List.of(), true);
        InputConfig input = new InputConfig(null, null, null, 7L, 1, 16, 0, 4, 0, null, 0, 0, null, null, 20, 1, 0,
                0, 0, 1.0);
        LoadConfig load = new LoadConfig("request_rate", concurrency, null, LoadConfig.CONCURRENCY_BURST, null,
                requests, null, null, 30, null, null);
        OutputConfig output = new OutputConfig(dir, "records", "none", goodput, "cl100k_base", "aiperf profile (test)");
        return new BenchmarkConfig(endpoint, input, load, output);
    }
}
