package dev.aiperf.engine;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.LoadShapeConfig;
import dev.aiperf.api.config.OutputConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small fluent builder of benchmark configurations for engine tests. */
final class TestConfigs {
    String url = "http://127.0.0.1:1";
    String endpointType = "chat";
    boolean streaming = true;
    double requestTimeoutSeconds = 30;
    List<KeyValue> extraInputs = new ArrayList<>(List.of(new KeyValue("ignore_eos", true)));
    Path inputFile;
    String customDatasetType;
    Long seed = 7L;
    int isl = 32;
    Integer osl = 8;
    int entries = 20;
    int turns = 1;
    double turnDelayMs = 0;
    Integer concurrency = 4;
    Double rate;
    String pattern = LoadConfig.CONCURRENCY_BURST;
    Double smoothness;
    Integer requestCount = 20;
    Integer sessions;
    Double duration;
    double grace = 30;
    Integer warmupCount;
    Double concurrencyRamp;
    Double rateRamp;
    Path artifactDir;
    String exportLevel = "records";
    String ui = "none";
    boolean preconnect = true;
    String timingStrategy = LoadConfig.REQUEST_RATE;
    LoadShapeConfig shape = LoadShapeConfig.NONE;
    List<String> extraUrls = List.of();
    String connectionReuse = "pooled";

    static TestConfigs against(String url, Path artifactDir) {
        TestConfigs c = new TestConfigs();
        c.url = url;
        c.artifactDir = artifactDir;
        return c;
    }

    private List<String> urls() {
        List<String> all = new ArrayList<>(List.of(url));
        all.addAll(extraUrls);
        return all;
    }

    BenchmarkConfig build() {
        EndpointConfig endpoint = new EndpointConfig(List.of("mock-model"), "round_robin", endpointType, null,
                streaming, urls(), requestTimeoutSeconds, null, null, false, false, connectionReuse, extraInputs,
                List.of(), preconnect);
        InputConfig input = new InputConfig(inputFile, customDatasetType, null, seed, 1, isl, 0, osl, 0, null, 0, 0,
                null, null, entries, turns, 0, turnDelayMs, 0, 1.0);
        LoadConfig load = new LoadConfig(timingStrategy, concurrency, rate, pattern, smoothness, requestCount,
                sessions, duration, grace, warmupCount, null, null, null, null, null, Double.POSITIVE_INFINITY,
                concurrencyRamp, rateRamp, null, null, shape);
        OutputConfig output = new OutputConfig(artifactDir, exportLevel, ui, Map.of(), "cl100k_base",
                "aiperf profile (test)");
        return new BenchmarkConfig(endpoint, input, load, output);
    }
}
