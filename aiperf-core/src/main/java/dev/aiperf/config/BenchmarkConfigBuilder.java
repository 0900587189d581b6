package dev.aiperf.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.environment.AiperfEnvironment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fluent settings for a library user, named after the {@code profile} options (the method {@code requestCount}
 * is {@code --request-count}). Anything not set keeps the CLI's default; {@link #build()} applies
 * {@link BenchmarkConfigRules}, so the checks and their messages are those of the CLI. Settings without a method
 * here are reached through {@link #settings(Consumer)}.
 */
public final class BenchmarkConfigBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProfileSettings settings = new ProfileSettings();
    private Invocation invocation = Invocation.LIBRARY;
    private AiperfEnvironment environment = AiperfEnvironment.system();

    BenchmarkConfigBuilder() {
    }

    // ---- Endpoint

    /** {@code --model}, one or more. */
    public BenchmarkConfigBuilder model(String... models) {
        settings.endpoint.models.addAll(Arrays.asList(models));
        return this;
    }

    /** {@code --url}, one or more; {@code http://} is added when there is no scheme. */
    public BenchmarkConfigBuilder url(String... urls) {
        settings.endpoint.urls.addAll(Arrays.asList(urls));
        return this;
    }

    /** {@code --endpoint-type}: a registered endpoint plugin (default chat). */
    public BenchmarkConfigBuilder endpointType(String type) {
        settings.endpoint.endpointType = type;
        return this;
    }

    /** {@code --endpoint}: a path overriding the endpoint type's. */
    public BenchmarkConfigBuilder customEndpoint(String path) {
        settings.endpoint.customEndpoint = path;
        return this;
    }

    /** {@code --streaming}. */
    public BenchmarkConfigBuilder streaming(boolean streaming) {
        settings.endpoint.streaming = streaming;
        return this;
    }

    /** {@code --api-key}: sent as a bearer token, never written to any artifact. */
    public BenchmarkConfigBuilder apiKey(String key) {
        settings.endpoint.apiKey = key;
        return this;
    }

    /** {@code --transport}: a registered transport plugin (default: from the URL's scheme). */
    public BenchmarkConfigBuilder transport(String transport) {
        settings.endpoint.transport = transport;
        return this;
    }

    /** {@code --request-timeout-seconds}. */
    public BenchmarkConfigBuilder requestTimeoutSeconds(double seconds) {
        settings.endpoint.requestTimeoutSeconds = seconds;
        return this;
    }

    /** {@code --header key:value}. */
    public BenchmarkConfigBuilder header(String name, String value) {
        settings.input.headers.add(jsonObject(name, value));
        return this;
    }

    /** {@code --extra-inputs key:value}: a field merged last into every payload, any JSON value. */
    public BenchmarkConfigBuilder extraInput(String key, Object value) {
        settings.input.extraInputs.add(jsonObject(key, value));
        return this;
    }

    // ---- Input, prompt, conversation

    /** {@code --input-file}. */
    public BenchmarkConfigBuilder inputFile(Path file) {
        settings.input.inputFile = file;
        return this;
    }

    /** {@code --custom-dataset-type}. */
    public BenchmarkConfigBuilder customDatasetType(String type) {
        settings.input.customDatasetType = type;
        return this;
    }

    /** {@code --random-seed}. */
    public BenchmarkConfigBuilder randomSeed(long seed) {
        settings.input.randomSeed = seed;
        return this;
    }

    /** {@code --goodput metric:value}, one SLO; call again for more. */
    public BenchmarkConfigBuilder goodput(String metricTag, double threshold) {
        String pair = metricTag + ":" + threshold;
        settings.input.goodput = settings.input.goodput == null ? pair : settings.input.goodput + " " + pair;
        return this;
    }

    /** {@code --isl}: mean synthetic prompt length in tokens. */
    public BenchmarkConfigBuilder isl(int tokens) {
        settings.prompt.islMean = tokens;
        return this;
    }

    /** {@code --isl-stddev}. */
    public BenchmarkConfigBuilder islStddev(double tokens) {
        settings.prompt.islStddev = tokens;
        return this;
    }

    /** {@code --osl}: mean requested output length in tokens. */
    public BenchmarkConfigBuilder osl(int tokens) {
        settings.prompt.oslMean = tokens;
        return this;
    }

    /** {@code --osl-stddev}. */
    public BenchmarkConfigBuilder oslStddev(double tokens) {
        settings.prompt.oslStddev = tokens;
        return this;
    }

    /** {@code --num-dataset-entries}. */
    public BenchmarkConfigBuilder numDatasetEntries(int entries) {
        settings.conversation.numDatasetEntries = entries;
        return this;
    }

    /** {@code --num-sessions}. */
    public BenchmarkConfigBuilder numSessions(int sessions) {
        settings.conversation.numSessions = sessions;
        return this;
    }

    /** {@code --session-turns-mean}. */
    public BenchmarkConfigBuilder sessionTurnsMean(int turns) {
        settings.conversation.sessionTurnsMean = turns;
        return this;
    }

    // ---- Load

    /** {@code --concurrency}. */
    public BenchmarkConfigBuilder concurrency(int concurrency) {
        settings.load.concurrency = concurrency;
        return this;
    }

    /** {@code --request-rate}, requests per second. */
    public BenchmarkConfigBuilder requestRate(double perSecond) {
        settings.load.requestRate = perSecond;
        return this;
    }

    /** {@code --arrival-pattern}: a registered arrival pattern (constant, poisson, gamma, ...). */
    public BenchmarkConfigBuilder arrivalPattern(String pattern) {
        settings.load.arrivalPattern = pattern;
        return this;
    }

    /** {@code --request-count}. */
    public BenchmarkConfigBuilder requestCount(int count) {
        settings.load.requestCount = count;
        return this;
    }

    /** {@code --benchmark-duration}, seconds. */
    public BenchmarkConfigBuilder benchmarkDuration(double seconds) {
        settings.load.benchmarkDuration = seconds;
        return this;
    }

    /** {@code --benchmark-grace-period}, seconds ({@link Double#POSITIVE_INFINITY} to wait for every answer). */
    public BenchmarkConfigBuilder benchmarkGracePeriod(double seconds) {
        settings.load.benchmarkGracePeriod = Double.isInfinite(seconds) ? "inf" : Double.toString(seconds);
        return this;
    }

    /** {@code --warmup-request-count}. */
    public BenchmarkConfigBuilder warmupRequestCount(int count) {
        settings.load.warmupRequestCount = count;
        return this;
    }

    /** {@code --warmup-duration}, seconds. */
    public BenchmarkConfigBuilder warmupDuration(double seconds) {
        settings.load.warmupDuration = seconds;
        return this;
    }

    /** {@code --warmup-concurrency} (default: the profiling concurrency). */
    public BenchmarkConfigBuilder warmupConcurrency(int concurrency) {
        settings.load.warmupConcurrency = concurrency;
        return this;
    }

    /** {@code --warmup-request-rate} (default: the profiling rate). */
    public BenchmarkConfigBuilder warmupRequestRate(double perSecond) {
        settings.load.warmupRequestRate = perSecond;
        return this;
    }

    // ---- Output

    /** {@code --artifact-dir} (default: {@code artifacts/<model>-<service>-<endpoint>-<load>}). */
    public BenchmarkConfigBuilder artifactDir(Path dir) {
        settings.output.artifactDir = dir;
        return this;
    }

    /** {@code --export-level}: summary, records or raw. */
    public BenchmarkConfigBuilder exportLevel(String level) {
        settings.output.exportLevel = level;
        return this;
    }

    /** {@code --ui}: a registered UI (default simple, as the CLI's when not on a terminal). */
    public BenchmarkConfigBuilder ui(String ui) {
        settings.ui = ui;
        return this;
    }

    /** {@code --tokenizer}. */
    public BenchmarkConfigBuilder tokenizer(String tokenizer) {
        settings.tokenizer.name = tokenizer;
        return this;
    }

    // ---- Everything else

    /** Direct access to every setting, for those without a method here (e.g. {@code s -> s.shapes.rampType = ...}). */
    public BenchmarkConfigBuilder settings(Consumer<ProfileSettings> change) {
        change.accept(settings);
        return this;
    }

    /** How the run was asked for (default {@link Invocation#LIBRARY}). */
    public BenchmarkConfigBuilder invocation(Invocation invocation) {
        this.invocation = Objects.requireNonNull(invocation);
        return this;
    }

    /** The environment variables the rules read (default the process's). */
    public BenchmarkConfigBuilder environment(AiperfEnvironment environment) {
        this.environment = Objects.requireNonNull(environment);
        return this;
    }

    /**
     * The configuration, after every rule of {@link BenchmarkConfigRules}.
     *
     * @throws InvalidConfigException listing every problem, with the CLI's messages
     */
    public ConfigResult build() {
        return BenchmarkConfigRules.apply(settings, invocation, environment);
    }

    private static String jsonObject(String key, Object value) {
        try {
            return JSON.writeValueAsString(Collections.singletonMap(key, value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(key + ": " + value + " is not representable as JSON", e);
        }
    }
}
