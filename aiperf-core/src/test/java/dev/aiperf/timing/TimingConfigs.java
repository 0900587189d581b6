package dev.aiperf.timing;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.OutputConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Configurations that only carry what the timing classes read: rate, pattern, smoothness, seed, ramp. */
final class TimingConfigs {

    private TimingConfigs() {
    }

    static BenchmarkConfig rate(Double rate, String pattern, Double smoothness, Long seed, Double rampSeconds) {
        EndpointConfig endpoint = new EndpointConfig(List.of("m"), "round_robin", "chat", null, false,
                List.of("http://127.0.0.1:1"), 1, null, null, false, false, "pooled", List.of(), List.of());
        InputConfig input = new InputConfig(null, null, null, seed, 1, 1, 0, null, 0, null, 0, 0, null, null, 1, 1,
                0, 0, 0, 1);
        LoadConfig load = new LoadConfig("request_rate", null, rate, pattern, smoothness, 10, null, null, 30, null,
                null, null, null, null, null, Double.POSITIVE_INFINITY, null, rampSeconds, null, null);
        OutputConfig output = new OutputConfig(Path.of("unused"), "records", "none", Map.of(), "cl100k_base", "");
        return new BenchmarkConfig(endpoint, input, load, output);
    }
}
