package dev.aiperf.cli.profile;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.config.TraceConfig;
import dev.aiperf.api.config.RankingsConfig;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.LoadShapeConfig;
import dev.aiperf.api.config.OutputConfig;
import dev.aiperf.api.config.TelemetryConfig;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.dataset.CacheBust;
import dev.aiperf.dataset.ShareGptDatasetLoader;
import dev.aiperf.export.Redaction;
import dev.aiperf.plugin.Category;
import dev.aiperf.plugin.NameSuggestions;
import dev.aiperf.plugin.NameSuggestions.Phrasing;
import dev.aiperf.plugin.PluginException;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parsed {@code profile} options into a {@link BenchmarkConfig}: plugin names checked
 * against the registry, derived defaults and cross-option rules of spec §1.4 applied in its order.
 * Every problem is collected, so one run of the command reports all of them.
 */
final class ProfileConfigBuilder {
    static final String MOCK_MODEL = "mock-model";
    private static final Set<String> MODEL_SELECTION = Set.of("round_robin", "random", "weighted");
    private static final Set<String> CONNECTION_REUSE = Set.of("pooled", "never", "sticky-user-sessions");
    private static final Set<String> EXPORT_LEVELS = Set.of("summary", "records", "raw");

    private final ProfileCommand o;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private ProfileConfigBuilder(ProfileCommand options) {
        this.o = options;
    }

    /** The configuration and the warnings to show, or a {@link UsageException} listing every problem. */
    static Result build(ProfileCommand options, String mockUrl, boolean terminal, String commandLine) {
        return new ProfileConfigBuilder(options).run(mockUrl, terminal, commandLine);
    }

    /** A built configuration and what the user should be warned about. */
    record Result(BenchmarkConfig config, List<String> warnings) {
    }

    private Result run(String mockUrl, boolean terminal, String commandLine) {
        EndpointConfig endpoint = endpoint(mockUrl);
        InputConfig input = input().withMedia(o.image.toConfig(problems), o.audio.toConfig(problems),
                o.video.toConfig(problems)).withPublicDataset(publicDataset()).withCacheBust(cacheBust());
        LoadConfig load = load();
        OutputConfig output = endpoint == null || load == null ? null : output(endpoint, load, terminal, commandLine);
        warnAboutOutputLength(input, endpoint);
        TelemetryConfig telemetry = telemetry();
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        return new Result(new BenchmarkConfig(endpoint, input, load, output, telemetry), List.copyOf(warnings));
    }

    // ---- Server metrics and GPU telemetry ------------------------------------------------------------------------

    private static final Set<String> SERVER_METRICS_FORMATS = Set.of("json", "csv", "jsonl");

    /** The original's defaults: server metrics on, GPU telemetry from the default DCGM endpoints when they answer. */
    private TelemetryConfig telemetry() {
        TelemetryOptions t = o.telemetry;
        List<String> extraUrls = t.serverMetrics == null ? List.of() : cleanList(t.serverMetrics);
        if (t.noServerMetrics && !extraUrls.isEmpty()) {
            problems.add("--server-metrics and --no-server-metrics contradict each other; give one of them");
        }
        List<String> formats = t.serverMetricsFormats == null ? TelemetryConfig.DEFAULT_FORMATS
                : cleanList(t.serverMetricsFormats).stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        for (String format : formats) {
            if (format.equals("parquet")) {
                problems.add("--server-metrics-formats parquet is not supported by this tool; valid: json, csv, jsonl");
            } else if (!SERVER_METRICS_FORMATS.contains(format)) {
                problems.add("--server-metrics-formats: unknown format '" + format + "'; valid: json, csv, jsonl");
            }
        }
        for (String url : extraUrls) {
            checkUrl("--server-metrics", url);
        }
        List<String> gpuUrls = t.gpuTelemetry == null ? List.of() : cleanList(t.gpuTelemetry);
        if (t.noGpuTelemetry && t.gpuTelemetry != null) {
            problems.add("--gpu-telemetry and --no-gpu-telemetry contradict each other; give one of them");
        }
        String collector = "dcgm";
        List<String> dcgmUrls = new ArrayList<>();
        for (String value : gpuUrls) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "dcgm" -> collector = "dcgm";
                case "pynvml", "amdsmi", "dashboard" -> problems.add("--gpu-telemetry " + value + " is not supported:"
                        + " this tool reads DCGM exporter endpoints only (give their URLs, or none for the defaults)");
                default -> {
                    if (value.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                        problems.add("--gpu-telemetry " + value + ": custom-metrics CSV files are not supported");
                    } else {
                        checkUrl("--gpu-telemetry", value);
                        dcgmUrls.add(value);
                    }
                }
            }
        }
        double serverInterval = intervalFromEnvironment("AIPERF_SERVER_METRICS_COLLECTION_INTERVAL");
        double gpuInterval = intervalFromEnvironment("AIPERF_GPU_COLLECTION_INTERVAL");
        return new TelemetryConfig(!t.noServerMetrics, extraUrls, formats, serverInterval, !t.noGpuTelemetry,
                t.gpuTelemetry != null, collector, dcgmUrls, gpuInterval);
    }

    private void checkUrl(String option, String url) {
        try {
            URI uri = URI.create(url.contains("://") ? url : "http://" + url);
            if (uri.getHost() == null) {
                problems.add(option + ": '" + url + "' is not a URL (e.g. http://localhost:9400/metrics)");
            }
        } catch (IllegalArgumentException e) {
            problems.add(option + ": '" + url + "' is not a URL (e.g. http://localhost:9400/metrics)");
        }
    }

    /** A collection interval in seconds from the environment (the original's variable), 0.333 when unset. */
    private double intervalFromEnvironment(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return TelemetryConfig.DEFAULT_INTERVAL_SECONDS;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            if (seconds >= 0.001 && seconds <= 300) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("environment variable " + variable + " must be a number of seconds between 0.001 and 300, got '"
                + value + "'");
        return TelemetryConfig.DEFAULT_INTERVAL_SECONDS;
    }

    /** {@code --cache-bust}: a known position, or null for none. */
    private String cacheBust() {
        if (o.prompt.cacheBust == null) {
            return null;
        }
        try {
            String position = CacheBust.position(o.prompt.cacheBust);
            return position.equals("none") ? null : position;
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    // ---- Endpoint -------------------------------------------------------------------------------------------------

    private EndpointConfig endpoint(String mockUrl) {
        EndpointOptions e = o.endpoint;
        List<String> models = cleanList(e.models);
        if (models.isEmpty()) {
            if (mockUrl != null) {
                models = List.of(MOCK_MODEL);
            } else {
                problems.add("--model is required (e.g. --model Qwen/Qwen3-0.6B); or add --mock to benchmark"
                        + " the embedded mock server");
            }
        }
        String selection = oneOf("--model-selection-strategy", e.modelSelectionStrategy, "round_robin", MODEL_SELECTION);
        List<Double> weights = List.of();
        if ("weighted".equals(selection) && !models.isEmpty()) {
            ModelWeights parsed = ModelWeights.parse(models);
            if (parsed.problem() != null) {
                problems.add(parsed.problem());
            }
            models = parsed.names();
            weights = parsed.weights();
        }
        String type = pluginName("--endpoint-type", PluginType.ENDPOINT, e.endpointType == null ? "chat" : e.endpointType);
        boolean streaming = e.streaming;
        if (streaming && type != null && !supportsStreaming(type)) {
            warnings.add("--streaming ignored: endpoint type '" + type + "' does not support streaming");
            streaming = false;
        }
        List<String> urls = cleanList(e.urls);
        if (mockUrl != null) {
            if (!urls.isEmpty()) {
                problems.add("--mock starts its own server: drop --url "
                        + String.join(" ", urls.stream().map(Redaction::url).toList()) + ", or drop --mock");
            }
            urls = List.of(mockUrl);
        } else if (urls.isEmpty()) {
            urls = List.of("localhost:8000");
        } else {
            urls.forEach(this::checkUrl);
        }
        double timeout = positive("--request-timeout-seconds", e.requestTimeoutSeconds, 21_600.0);
        String transport = e.transport == null ? null : pluginName("--transport", PluginType.TRANSPORT, e.transport);
        String reuse = oneOf("--connection-reuse-strategy", e.connectionReuseStrategy, "pooled", CONNECTION_REUSE);
        List<KeyValue> extras = keyValues("--extra-inputs", o.input.extraInputs);
        List<KeyValue> headers = keyValues("--header", o.input.headers);
        if (models.isEmpty() || type == null) {
            return null;
        }
        return new EndpointConfig(models, selection, type, e.customEndpoint, streaming, urls, timeout, e.apiKey,
                transport, e.useLegacyMaxTokens, e.useServerTokenCount, reuse, extras, headers, e.preconnect, weights);
    }

    /** A --url must be host[:port] or scheme://host[:port][/path] with a port in 1-65535. */
    private void checkUrl(String url) {
        String shown = "--url '" + Redaction.url(url) + "'";
        String example = "; expected host[:port] or http(s)://host[:port][/path], e.g. localhost:8000";
        URI uri;
        try {
            uri = new URI(url.contains("://") ? url : "http://" + url);
        } catch (URISyntaxException e) {
            problems.add(shown + " is not a valid URL (" + e.getReason() + ")" + example);
            return;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            String authority = uri.getRawAuthority();
            int colon = authority == null ? -1 : authority.lastIndexOf(':');
            String port = colon < 0 ? "" : authority.substring(colon + 1);
            if (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) {
                problems.add(shown + " has port " + port + ", out of range: ports are 1 to 65535");
            } else {
                problems.add(shown + " is not a valid URL: it names no host" + example);
            }
            return;
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            problems.add(shown + " has port " + uri.getPort() + ", out of range: ports are 1 to 65535");
        }
    }

    private static boolean supportsStreaming(String endpointType) {
        return endpointMetadata(endpointType).supportsStreaming();
    }

    /** The endpoint's typed metadata from its plugins.yaml entry: the one place the facts are declared. */
    private static EndpointMetadata endpointMetadata(String endpointType) {
        return Plugins.getType(PluginType.ENDPOINT, endpointType).metadata(EndpointMetadata.class);
    }

    private List<KeyValue> keyValues(String flag, List<String> tokens) {
        try {
            return KeyValueListParser.parse(flag, tokens);
        } catch (UsageException ex) {
            problems.addAll(ex.problems());
            return List.of();
        }
    }

    // ---- Input, prompt, conversation --------------------------------------------------------------------------------

    private InputConfig input() {
        InputOptions in = o.input;
        PromptOptions p = o.prompt;
        ConversationOptions c = o.conversation;
        Path file = in.inputFile;
        if (file != null && !Files.exists(file)) {
            problems.add("--input-file " + file + " does not exist");
        } else if (file != null && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            problems.add("--input-file " + file + " is neither a file nor a directory");
        }
        String customType = null;
        if (in.customDatasetType != null) {
            if (file == null) {
                problems.add("--custom-dataset-type needs --input-file");
            }
            customType = pluginName("--custom-dataset-type", PluginType.CUSTOM_DATASET_LOADER, in.customDatasetType);
        }
        String sampler = in.datasetSamplingStrategy == null ? null
                : pluginName("--dataset-sampling-strategy", PluginType.DATASET_SAMPLER, in.datasetSamplingStrategy);
        int batch = atLeast("--prompt-batch-size", p.batchSize, 0, 1);
        int isl = atLeast("--isl", p.islMean, 0, 550);
        double islStd = nonNegative("--isl-stddev", p.islStddev, 0.0);
        Integer osl = p.oslMean == null ? null : atLeast("--osl", p.oslMean, 0, 0);
        double oslStd = nonNegative("--osl-stddev", p.oslStddev, 0.0);
        int prefixPool = atLeast("--num-prefix-prompts", p.numPrefixPrompts, 0, 0);
        int prefixLength = atLeast("--prefix-prompt-length", p.prefixPromptLength, 0, 0);
        Integer system = p.sharedSystemPromptLength == null ? null
                : atLeast("--shared-system-prompt-length", p.sharedSystemPromptLength, 1, 1);
        Integer context = p.userContextPromptLength == null ? null
                : atLeast("--user-context-prompt-length", p.userContextPromptLength, 1, 1);
        if ((system != null || context != null) && (prefixPool > 0 || prefixLength > 0)) {
            problems.add((system != null ? "--shared-system-prompt-length" : "--user-context-prompt-length")
                    + " cannot be combined with --num-prefix-prompts/--prefix-prompt-length");
        }
        if (context != null && c.numDatasetEntries == null) {
            problems.add("--user-context-prompt-length needs an explicit --num-dataset-entries");
        }
        if (prefixLength > 0 && prefixPool == 0) {
            problems.add("--prefix-prompt-length " + prefixLength + " needs --num-prefix-prompts of 1 or more");
        }
        int entries = atLeast("--num-dataset-entries", c.numDatasetEntries, 1, 100);
        int turns = atLeast("--session-turns-mean", c.sessionTurnsMean, 1, 1);
        int turnsStd = atLeast("--session-turns-stddev", c.sessionTurnsStddev, 0, 0);
        double delay = nonNegative("--session-turn-delay-mean", c.turnDelayMean, 0.0);
        double delayStd = nonNegative("--session-turn-delay-stddev", c.turnDelayStddev, 0.0);
        double ratio = nonNegative("--session-delay-ratio", c.turnDelayRatio, 1.0);
        Integer blockSize = p.islBlockSize == null ? null : atLeast("--isl-block-size", p.islBlockSize, 1, 1);
        Integer maxIsl = p.synthesisMaxIsl == null ? null : atLeast("--synthesis-max-isl", p.synthesisMaxIsl, 1, 1);
        Integer maxOsl = p.synthesisMaxOsl == null ? null : atLeast("--synthesis-max-osl", p.synthesisMaxOsl, 1, 1);
        double speedup = nonNegative("--synthesis-speedup-ratio", p.synthesisSpeedupRatio, 1.0);
        if (speedup == 0) {
            problems.add("--synthesis-speedup-ratio must be more than 0");
            speedup = 1.0;
        }
        TraceConfig trace = new TraceConfig(blockSize, maxIsl, maxOsl, speedup, in.ignoreTraceDelays);
        return new InputConfig(file, customType, sampler, in.randomSeed, batch, isl, islStd, osl, oslStd,
                p.sequenceDistribution, prefixPool, prefixLength, system, context, entries, turns, turnsStd, delay,
                delayStd, ratio).withRankings(rankings()).withTrace(trace);
    }

    /**
     * The rankings options (spec §1.3 "Rankings"): only with a {@code *rankings} endpoint type, where the synthetic
     * query and passage lengths replace {@code --isl}.
     */
    private RankingsConfig rankings() {
        RankingsOptions r = o.rankings;
        String type = o.endpoint.endpointType == null ? "chat" : o.endpoint.endpointType;
        boolean rankingsEndpoint = type.replace('-', '_').toLowerCase(java.util.Locale.ROOT).endsWith("rankings");
        if (r.anyGiven() && !rankingsEndpoint) {
            problems.add("--rankings-* options apply only to a rankings endpoint type (nim_rankings, hf_tei_rankings,"
                    + " cohere_rankings); --endpoint-type is " + type);
        }
        if (rankingsEndpoint && (o.prompt.islMean != null || o.prompt.islStddev != null)) {
            problems.add("--isl/--isl-stddev do not apply to a rankings endpoint: size its queries and passages with"
                    + " --rankings-query-prompt-token-mean and --rankings-passages-prompt-token-mean");
        }
        RankingsConfig d = RankingsConfig.DEFAULTS;
        return new RankingsConfig(atLeast("--rankings-passages-mean", r.passagesMean, 1, d.passagesMean()),
                nonNegative("--rankings-passages-stddev", r.passagesStddev, d.passagesStddev()),
                atLeast("--rankings-passages-prompt-token-mean", r.passageTokensMean, 1, d.passageTokensMean()),
                nonNegative("--rankings-passages-prompt-token-stddev", r.passageTokensStddev,
                        d.passageTokensStddev()),
                atLeast("--rankings-query-prompt-token-mean", r.queryTokensMean, 1, d.queryTokensMean()),
                nonNegative("--rankings-query-prompt-token-stddev", r.queryTokensStddev, d.queryTokensStddev()));
    }

    /** {@code --public-dataset}: a registered public dataset loader reading the local {@code --input-file}. */
    private String publicDataset() {
        InputOptions in = o.input;
        if (in.publicDataset == null) {
            return null;
        }
        String name = pluginName("--public-dataset", PluginType.PUBLIC_DATASET_LOADER, in.publicDataset);
        if (in.inputFile == null) {
            problems.add("--public-dataset " + in.publicDataset + " reads a local copy of the dataset: also give"
                    + " --input-file FILE (nothing is downloaded; for sharegpt the file is "
                    + ShareGptDatasetLoader.FILE_NAME + ")");
        }
        if (in.customDatasetType != null) {
            problems.add("--public-dataset and --custom-dataset-type cannot be used together: the public dataset"
                    + " decides the format");
        }
        return name;
    }

    // ---- Load generator (spec §1.4 steps 1-8, 12) --------------------------------------------------------------------

    private LoadConfig load() {
        LoadGeneratorOptions l = o.load;
        Integer concurrency = l.concurrency == null ? null : atLeast("--concurrency", l.concurrency, 1, 1);
        Double rate = l.requestRate == null ? null : positive("--request-rate", l.requestRate, null);
        Integer count = l.requestCount == null ? null : atLeast("--request-count", l.requestCount, 1, 1);
        Integer sessions = o.conversation.numSessions == null ? null
                : atLeast("--num-sessions", o.conversation.numSessions, 1, 1);
        Double duration = l.benchmarkDuration == null ? null : positive("--benchmark-duration", l.benchmarkDuration, null);
        Double smoothness = l.arrivalSmoothness == null ? null
                : positive("--arrival-smoothness", l.arrivalSmoothness, null);
        String explicitPattern = l.arrivalPattern == null ? null
                : pluginName("--arrival-pattern", PluginType.ARRIVAL_PATTERN, l.arrivalPattern);

        LoadShapeRules shapeRules = new LoadShapeRules(o, problems);
        String rampType = o.shape.rampType == null ? LoadShapeConfig.DEFAULT_RAMP
                : pluginName("--ramp-type", PluginType.RAMP, o.shape.rampType);
        String urlStrategy = o.endpoint.urlStrategy == null ? LoadShapeConfig.DEFAULT_URL_SELECTION
                : pluginName("--url-strategy", PluginType.URL_SELECTION_STRATEGY, o.endpoint.urlStrategy);
        LoadShapeConfig shape = shapeRules.build(rampType, urlStrategy);
        String strategy = shapeRules.timingStrategy();

        // Step 1: timing mode and request-count defaults. Step 2: smoothness.
        String pattern;
        if (smoothness != null && explicitPattern != null && !explicitPattern.equals("gamma")) {
            problems.add("--arrival-smoothness only applies to --arrival-pattern gamma, not '" + explicitPattern + "'");
        }
        boolean durationWithoutGrace = duration != null && l.benchmarkGracePeriod == null;
        if (!LoadConfig.REQUEST_RATE.equals(strategy)) {
            // A replay sends its whole trace, and users pace themselves: the rate, pattern and default count do
            // not apply; concurrency stays unlimited unless given.
            pattern = LoadConfig.CONCURRENCY_BURST;
            rate = null;
            if (LoadConfig.USER_CENTRIC_RATE.equals(strategy) && count == null && sessions == null && duration == null) {
                problems.add("--user-centric-rate needs a stop condition: --benchmark-duration, --request-count or"
                        + " --num-sessions");
            }
        } else if (rate != null) {
            if (LoadConfig.CONCURRENCY_BURST.equals(explicitPattern)) {
                problems.add("--arrival-pattern concurrency_burst sends whenever a slot is free and cannot be"
                        + " combined with --request-rate; use constant, poisson or gamma");
            }
            pattern = explicitPattern != null ? explicitPattern : smoothness != null ? "gamma" : "poisson";
            if (count == null && sessions == null && duration == null) {
                count = 10;
            }
        } else {
            if (explicitPattern != null && !LoadConfig.CONCURRENCY_BURST.equals(explicitPattern)) {
                warnings.add("--arrival-pattern " + explicitPattern + " needs --request-rate; without one every"
                        + " request goes as soon as a concurrency slot frees (concurrency_burst)");
            }
            pattern = LoadConfig.CONCURRENCY_BURST;
            if (concurrency == null && shape.prefillConcurrency() == null) {
                concurrency = 1;
            }
            if (count == null && sessions == null && duration == null) {
                count = Math.max(10, 2 * (concurrency != null ? concurrency : shape.prefillConcurrency()));
            }
        }
        // Step 4: grace periods need their durations.
        // User-centric runs wait for every user's answers after the duration unless told otherwise (spec §1.4).
        double grace = gracePeriod("--benchmark-grace-period", l.benchmarkGracePeriod,
                LoadConfig.USER_CENTRIC_RATE.equals(strategy) && durationWithoutGrace ? Double.POSITIVE_INFINITY : 30.0);
        if (l.benchmarkGracePeriod != null && duration == null) {
            problems.add("--benchmark-grace-period only applies with --benchmark-duration");
        }
        Double warmupDuration = l.warmupDuration == null ? null : positive("--warmup-duration", l.warmupDuration, null);
        double warmupGrace = gracePeriod("--warmup-grace-period", l.warmupGracePeriod, Double.POSITIVE_INFINITY);
        if (l.warmupGracePeriod != null && warmupDuration == null) {
            problems.add("--warmup-grace-period only applies with --warmup-duration");
        }
        // Step 5: orphan options.
        Double rateRamp = l.requestRateRampDuration == null ? null
                : positive("--request-rate-ramp-duration", l.requestRateRampDuration, null);
        if (rateRamp != null && rate == null) {
            problems.add("--request-rate-ramp-duration needs --request-rate");
        }
        Double concurrencyRamp = l.concurrencyRampDuration == null ? null
                : positive("--concurrency-ramp-duration", l.concurrencyRampDuration, null);
        if (concurrencyRamp != null && l.concurrency == null) {
            problems.add("--concurrency-ramp-duration needs --concurrency (the value to ramp up to)");
        }
        // Step 6: exclusive stop conditions.
        if (count != null && sessions != null) {
            problems.add("--request-count and --num-sessions are mutually exclusive; give one stop condition");
        }
        Integer warmupCount = l.warmupRequestCount == null ? null
                : atLeast("--warmup-request-count", l.warmupRequestCount, 1, 1);
        Integer warmupSessions = l.numWarmupSessions == null ? null
                : atLeast("--num-warmup-sessions", l.numWarmupSessions, 1, 1);
        if (warmupCount != null && warmupSessions != null) {
            problems.add("--warmup-request-count and --num-warmup-sessions are mutually exclusive");
        }
        // Step 7: concurrency versus the totals.
        if (concurrency != null && l.concurrency != null) {
            if (sessions != null && concurrency > sessions) {
                problems.add("--concurrency (" + concurrency + ") must not exceed --num-sessions (" + sessions + ")");
            } else if (count != null && concurrency > count) {
                problems.add("--concurrency (" + concurrency + ") must not exceed --request-count (" + count + ")"
                        + (l.requestCount == null ? ", which defaults to 10 with --request-rate" : ""));
            }
        }
        Integer warmupConcurrency = l.warmupConcurrency == null ? null
                : atLeast("--warmup-concurrency", l.warmupConcurrency, 1, 1);
        Double warmupRate = l.warmupRequestRate == null ? null
                : positive("--warmup-request-rate", l.warmupRequestRate, null);
        String warmupPattern = l.warmupArrivalPattern == null ? null
                : pluginName("--warmup-arrival-pattern", PluginType.ARRIVAL_PATTERN, l.warmupArrivalPattern);
        Double warmupConcurrencyRamp = l.warmupConcurrencyRampDuration == null ? null
                : positive("--warmup-concurrency-ramp-duration", l.warmupConcurrencyRampDuration, null);
        Double warmupRateRamp = l.warmupRequestRateRampDuration == null ? null
                : positive("--warmup-request-rate-ramp-duration", l.warmupRequestRateRampDuration, null);
        boolean warmup = warmupCount != null || warmupDuration != null || warmupSessions != null;
        if (!warmup && (warmupConcurrency != null || warmupRate != null || warmupPattern != null
                || warmupConcurrencyRamp != null || warmupRateRamp != null)) {
            problems.add("warm-up options need a warm-up stop condition: --warmup-request-count,"
                    + " --warmup-duration or --num-warmup-sessions");
        }
        LoadConfig load = new LoadConfig(strategy, concurrency, rate, pattern, smoothness, count, sessions,
                duration, grace, warmupCount, warmupDuration, warmupSessions, warmupConcurrency, warmupRate,
                warmupPattern, warmupGrace, concurrencyRamp, rateRamp, warmupConcurrencyRamp, warmupRateRamp, shape);
        if (warmup) {
            checkWarmup(load.asWarmupPhase());
        }
        return load;
    }

    private void checkWarmup(LoadConfig warmup) {
        if (warmup.requestRateRampSeconds() != null && warmup.requestRate() == null) {
            problems.add("--warmup-request-rate-ramp-duration needs a warm-up rate (--warmup-request-rate)");
        }
        if (warmup.concurrencyRampSeconds() != null && warmup.concurrency() == null) {
            problems.add("--warmup-concurrency-ramp-duration needs --warmup-concurrency or --concurrency");
        }
    }

    // ---- Output, tokenizer, UI ------------------------------------------------------------------------------------

    private OutputConfig output(EndpointConfig endpoint, LoadConfig load, boolean terminal, String commandLine) {
        Path dir = o.output.artifactDir != null ? o.output.artifactDir
                : ArtifactDirectoryNamer.directory(ArtifactDirectoryNamer.DEFAULT_ROOT, endpoint.models(),
                serviceKind(endpoint.type()), endpoint.type(), load);
        String level = oneOf("--export-level", o.output.exportLevel, "records", EXPORT_LEVELS);
        String ui = pluginName("--ui", PluginType.UI, o.service.ui != null ? o.service.ui
                : terminal ? "progress" : "simple");
        Map<String, Double> goodput = Map.of();
        try {
            goodput = GoodputParser.parse(o.input.goodput);
        } catch (UsageException ex) {
            problems.addAll(ex.problems());
        }
        checkArtifactDir(dir);
        // No --tokenizer: the engine looks for the model's own, else falls back to cl100k_base with a warning.
        Double slice = positive("--slice-duration", o.output.sliceDuration, null);
        return new OutputConfig(dir, level, ui, goodput, o.tokenizer.tokenizer, o.tokenizer.revision,
                o.tokenizer.trustRemoteCode, Redaction.of(endpoint).text(commandLine), o.output.htmlReport,
                o.output.exportHttpTrace, slice).withShowTraceTiming(o.output.showTraceTiming);
    }

    /** The artifact folder, or a folder above it, must not be an existing file. */
    private void checkArtifactDir(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                problems.add("--artifact-dir " + dir + (p.equals(dir.toAbsolutePath()) ? " is an existing file"
                        : " is below " + p + ", which is an existing file") + "; give a folder path");
                return;
            }
        }
    }

    private static String serviceKind(String endpointType) {
        return endpointMetadata(endpointType).serviceKind();
    }

    /** Spec §1.4 step 14: an --osl without ignore_eos or min_tokens is a maximum the server may undercut. */
    private void warnAboutOutputLength(InputConfig input, EndpointConfig endpoint) {
        if (input.oslMean() == null || endpoint == null) {
            return;
        }
        boolean pinned = endpoint.extraInputs().stream().anyMatch(kv ->
                (kv.key().equals("ignore_eos") && truthy(kv.value())) || kv.key().equals("min_tokens"));
        if (!pinned) {
            warnings.add("--osl sets only a maximum; the server may stop earlier. Add --extra-inputs ignore_eos:true"
                    + " (or min_tokens:<n>) for exact output lengths");
        }
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value != null && !value.equals(0) && !"".equals(value);
    }

    // ---- Checks ---------------------------------------------------------------------------------------------------

    /** The normalised registered name, or null after recording a problem that lists the valid names. */
    private String pluginName(String flag, Category<?> category, String name) {
        try {
            TypeEntry entry = Plugins.getType(category, name);
            return entry.name();
        } catch (PluginException e) {
            problems.add(flag + ": " + e.getMessage());
            return null;
        }
    }

    private String oneOf(String flag, String value, String fallback, Set<String> valid) {
        if (value == null) {
            return fallback;
        }
        if (!valid.contains(value)) {
            problems.add(flag + " must be one of " + String.join(", ", valid.stream().sorted().toList()) + ", got '"
                    + value + "'" + NameSuggestions.didYouMean(value, valid, Phrasing.ASIDE));
            return fallback;
        }
        return value;
    }

    private int atLeast(String flag, Integer value, int min, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            problems.add(flag + " must be " + min + " or more, got " + value);
            return fallback;
        }
        return value;
    }

    private Double positive(String flag, Double value, Double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0) || value.isInfinite()) {
            problems.add(flag + " must be a number greater than 0, got " + value);
            return fallback == null ? 1.0 : fallback;
        }
        return value;
    }

    private double nonNegative(String flag, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0) || value.isInfinite()) {
            problems.add(flag + " must be 0 or more, got " + value);
            return fallback;
        }
        return value;
    }

    private double gracePeriod(String flag, String value, double fallback) {
        if (value == null) {
            return fallback;
        }
        String v = value.strip().toLowerCase();
        if (v.equals("inf") || v.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double seconds = Double.parseDouble(v);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(flag + " must be seconds (0 or more) or 'inf', got '" + value + "'");
        return fallback;
    }

    /** Each token split on commas (picocli did that) and trimmed; empty pieces dropped. */
    private static List<String> cleanList(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
