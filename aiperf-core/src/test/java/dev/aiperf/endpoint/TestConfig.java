package dev.aiperf.endpoint;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.OutputConfig;
import dev.aiperf.api.config.TraceConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A mutable stand-in for the CLI: the original's defaults, changed field by field in tests. */
public final class TestConfig {
    public List<String> models = List.of("test-model");
    public String modelSelectionStrategy = "round_robin";
    public String endpointType = "chat";
    public String customEndpoint;
    public boolean streaming;
    public List<String> urls = List.of("localhost:8000");
    public double requestTimeoutSeconds = 30;
    public String apiKey;
    public boolean useLegacyMaxTokens;
    public boolean useServerTokenCount;
    public String connectionReuseStrategy = "pooled";
    public List<KeyValue> extraInputs = new ArrayList<>();
    public List<KeyValue> headers = new ArrayList<>();

    public Path inputFile;
    public Long randomSeed = 42L;
    public int promptBatchSize = 1;
    public int islMean = 550;
    public double islStddev;
    public Integer oslMean;
    public double oslStddev;
    public String sequenceDistribution;
    public int numPrefixPrompts;
    public int prefixPromptLength;
    public Integer sharedSystemPromptLength;
    public Integer userContextPromptLength;
    public int numDatasetEntries = 100;
    public int sessionTurnsMean = 1;
    public double sessionTurnsStddev;
    public double turnDelayMean;
    public double turnDelayStddev;
    public double turnDelayRatio = 1.0;
    public String tokenizer = "cl100k_base";
    public TraceConfig trace = TraceConfig.DEFAULT;
    public Integer numSessions;

    public BenchmarkConfig build() {
        EndpointConfig endpoint = new EndpointConfig(models, modelSelectionStrategy, endpointType, customEndpoint,
                streaming, urls, requestTimeoutSeconds, apiKey, null, useLegacyMaxTokens, useServerTokenCount,
                connectionReuseStrategy, extraInputs, headers);
        InputConfig input = new InputConfig(inputFile, null, null, randomSeed, promptBatchSize, islMean, islStddev,
                oslMean, oslStddev, sequenceDistribution, numPrefixPrompts, prefixPromptLength,
                sharedSystemPromptLength, userContextPromptLength, numDatasetEntries, sessionTurnsMean,
                sessionTurnsStddev, turnDelayMean, turnDelayStddev, turnDelayRatio).withTrace(trace);
        LoadConfig load = new LoadConfig("request_rate", 1, null, "concurrency_burst", null, 10, numSessions, null, 30,
                null, null);
        OutputConfig output = new OutputConfig(Path.of("artifacts"), "records", "none", Map.of(), tokenizer, "aiperf");
        return new BenchmarkConfig(endpoint, input, load, output);
    }
}
