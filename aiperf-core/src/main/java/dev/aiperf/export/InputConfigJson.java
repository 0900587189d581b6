package dev.aiperf.export;

import dev.aiperf.api.config.AudioConfig;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.ImageConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.OutputConfig;
import dev.aiperf.api.tokenizer.TokenizerSpec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code input_config} object of the summary JSON: the run's configuration under the
 * original's section and field names ({@code endpoint.model_names}, {@code loadgen.concurrency},
 * ...). The API key, secret-looking headers and any copy of the key in the command line are
 * replaced by {@code <redacted>}.
 */
final class InputConfigJson {
    static final String REDACTED = Redaction.REDACTED;

    private InputConfigJson() {
    }

    static Map<String, Object> of(BenchmarkConfig config, String benchmarkId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("endpoint", endpoint(config.endpoint()));
        json.put("input", input(config.input(), config.endpoint(), config.output()));
        json.put("loadgen", loadgen(config.load()));
        json.put("output", output(config.output()));
        json.put("tokenizer", tokenizer(config.output()));
        json.put("cli_command", Redaction.commandLine(config));
        json.put("benchmark_id", benchmarkId);
        return json;
    }

    /** The original's tokenizer section: name, then revision and trust_remote_code only when not the defaults. */
    private static Map<String, Object> tokenizer(OutputConfig output) {
        if (output.tokenizer() == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", output.tokenizer());
        if (!TokenizerSpec.DEFAULT_REVISION.equals(output.tokenizerRevision())) {
            json.put("revision", output.tokenizerRevision());
        }
        if (output.tokenizerTrustRemoteCode()) {
            json.put("trust_remote_code", true);
        }
        return json;
    }

    private static Map<String, Object> endpoint(EndpointConfig endpoint) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model_names", endpoint.models());
        json.put("model_selection_strategy", endpoint.modelSelectionStrategy());
        json.put("custom_endpoint", endpoint.customEndpoint());
        json.put("type", endpoint.type());
        json.put("streaming", endpoint.streaming());
        json.put("urls", endpoint.urls().stream().map(Redaction::url).toList());
        json.put("timeout_seconds", finite(endpoint.requestTimeoutSeconds()));
        json.put("api_key", endpoint.apiKey() == null ? null : REDACTED);
        json.put("transport", endpoint.transport());
        json.put("use_legacy_max_tokens", endpoint.useLegacyMaxTokens());
        json.put("use_server_token_count", endpoint.useServerTokenCount());
        json.put("connection_reuse_strategy", endpoint.connectionReuseStrategy());
        json.put("preconnect", endpoint.preconnect());
        return json;
    }

    private static Map<String, Object> input(InputConfig input, EndpointConfig endpoint, OutputConfig output) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", input.inputFile() == null ? null : input.inputFile().toString());
        json.put("custom_dataset_type", input.customDatasetType());
        json.put("dataset_sampling_strategy", input.datasetSamplingStrategy());
        json.put("random_seed", input.randomSeed());
        json.put("goodput", output.goodput().isEmpty() ? null : new TreeMap<>(output.goodput()));
        json.put("extra", pairs(endpoint.extraInputs(), null));
        json.put("headers", pairs(endpoint.headers(), Redaction.of(endpoint)));
        Map<String, Object> prompt = new LinkedHashMap<>();
        prompt.put("batch_size", input.promptBatchSize());
        prompt.put("input_tokens", meanStddev(input.islMean(), input.islStddev()));
        prompt.put("output_tokens", input.oslMean() == null ? null : meanStddev(input.oslMean(), input.oslStddev()));
        prompt.put("sequence_distribution", input.sequenceDistribution());
        Map<String, Object> prefix = new LinkedHashMap<>();
        prefix.put("pool_size", input.numPrefixPrompts());
        prefix.put("length", input.prefixPromptLength());
        prefix.put("shared_system_prompt_length", input.sharedSystemPromptLength());
        prefix.put("user_context_prompt_length", input.userContextPromptLength());
        prompt.put("prefix_prompt", prefix);
        prompt.put("cache_bust", input.cacheBust());
        json.put("prompt", prompt);
        Map<String, Object> delay = new LinkedHashMap<>();
        delay.put("mean", finite(input.turnDelayMean()));
        delay.put("stddev", finite(input.turnDelayStddev()));
        delay.put("ratio", finite(input.turnDelayRatio()));
        Map<String, Object> turn = new LinkedHashMap<>();
        turn.put("mean", input.sessionTurnsMean());
        turn.put("stddev", finite(input.sessionTurnsStddev()));
        turn.put("delay", delay);
        Map<String, Object> conversation = new LinkedHashMap<>();
        conversation.put("num_dataset_entries", input.numDatasetEntries());
        conversation.put("turn", turn);
        json.put("conversation", conversation);
        media(input, json);
        return json;
    }

    /** Public dataset and synthetic media, only when used: runs without them keep their exact layout. */
    private static void media(InputConfig input, Map<String, Object> json) {
        if (input.publicDataset() != null) {
            json.put("public_dataset", input.publicDataset());
        }
        ImageConfig image = input.image();
        if (image.enabled()) {
            Map<String, Object> images = new LinkedHashMap<>();
            images.put("width", meanStddev(image.widthMean(), image.widthStddev()));
            images.put("height", meanStddev(image.heightMean(), image.heightStddev()));
            images.put("batch_size", image.batchSize());
            images.put("format", image.format());
            json.put("image", images);
        }
        AudioConfig audio = input.audio();
        if (audio.enabled()) {
            Map<String, Object> audios = new LinkedHashMap<>();
            audios.put("batch_size", audio.batchSize());
            audios.put("length", meanStddev(audio.lengthMean(), audio.lengthStddev()));
            audios.put("format", audio.format());
            audios.put("depths", audio.depths());
            audios.put("sample_rates", audio.sampleRatesKhz());
            audios.put("num_channels", audio.numChannels());
            json.put("audio", audios);
        }
    }

    private static Map<String, Object> loadgen(LoadConfig load) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timing_strategy", load.timingStrategy());
        json.put("concurrency", load.concurrency());
        json.put("request_rate", load.requestRate());
        json.put("arrival_pattern", load.arrivalPattern());
        json.put("arrival_smoothness", load.arrivalSmoothness());
        json.put("request_count", load.requestCount());
        json.put("num_sessions", load.numSessions());
        json.put("benchmark_duration", load.benchmarkDurationSeconds());
        json.put("benchmark_grace_period", load.benchmarkDurationSeconds() == null ? null : finite(load.gracePeriodSeconds()));
        json.put("warmup_request_count", load.warmupRequestCount());
        json.put("warmup_duration", load.warmupDurationSeconds());
        return json;
    }

    private static Map<String, Object> output(OutputConfig output) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("artifact_directory", output.artifactDir() == null ? null : output.artifactDir().toString());
        json.put("export_level", output.exportLevel());
        json.put("slice_duration", output.sliceDurationSeconds());
        json.put("export_http_trace", output.exportHttpTrace() ? true : null);
        return json;
    }

    private static Map<String, Object> meanStddev(Number mean, double stddev) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mean", mean);
        json.put("stddev", finite(stddev));
        return json;
    }

    /**
     * Key/value options as {@code [[key, value], ...]}; for headers ({@code headerRedaction} given),
     * credential-bearing values are redacted.
     */
    private static List<Object> pairs(List<KeyValue> values, Redaction headerRedaction) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().<Object>map(kv -> Arrays.asList(kv.key(), headerRedaction == null ? kv.value()
                : headerRedaction.headerValue(kv.key(), kv.value()))).toList();
    }

    /** JSON has no infinity or NaN; such values (an unbounded grace period) are left out. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
