package dev.aiperf.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user asked for, as given: the values of the {@code profile} options before any default, derived value
 * or check. A null (or a flag left false) means "not given"; {@link BenchmarkConfigRules} turns these into a
 * {@code BenchmarkConfig}. Both front-ends fill it: the CLI (and through it the YAML file) copies its parsed
 * options here, a library user fills it through {@link BenchmarkConfigBuilder}. The groups and field names follow
 * the option groups of {@code aiperf profile --help}; each field's option is named in problems.
 */
public final class ProfileSettings {
    public final Endpoint endpoint = new Endpoint();
    public final Input input = new Input();
    public final Prompt prompt = new Prompt();
    public final Rankings rankings = new Rankings();
    public final Conversation conversation = new Conversation();
    public final Image image = new Image();
    public final Audio audio = new Audio();
    public final Video video = new Video();
    public final Load load = new Load();
    public final FixedSchedule fixedSchedule = new FixedSchedule();
    public final Shapes shapes = new Shapes();
    public final Output output = new Output();
    public final Telemetry telemetry = new Telemetry();
    public final Tokenizer tokenizer = new Tokenizer();
    /** {@code --ui}: null for the default (progress on a terminal, simple otherwise). */
    public String ui;

    /** "Endpoint" options: where and how requests are sent. */
    public static final class Endpoint {
        /** {@code --model}, each may be a comma list piece already split; weighted models are {@code name:weight}. */
        public List<String> models = new ArrayList<>();
        public String modelSelectionStrategy;
        public String endpointType;
        public String customEndpoint;
        public boolean streaming;
        public List<String> urls = new ArrayList<>();
        public String urlStrategy;
        public Double requestTimeoutSeconds;
        public String apiKey;
        public String transport;
        public boolean useLegacyMaxTokens;
        public boolean useServerTokenCount;
        public String connectionReuseStrategy;
        public boolean preconnect = true;
        /** {@code --io-engine}: auto, nio, epoll or io_uring; null for auto. */
        public String ioEngine;
    }

    /** "Input" options: what is sent and how results are judged. */
    public static final class Input {
        /** {@code --extra-inputs} tokens: {@code key:value[,key:value]} or a JSON object each. */
        public List<String> extraInputs = new ArrayList<>();
        /** {@code --header} tokens, in the same forms. */
        public List<String> headers = new ArrayList<>();
        public Path inputFile;
        public String customDatasetType;
        public String publicDataset;
        public boolean ignoreTraceDelays;
        public String datasetSamplingStrategy;
        public Long randomSeed;
        /** {@code --goodput}: space-separated {@code metric:value} pairs. */
        public String goodput;
    }

    /** "Prompt" options: synthetic prompt and output lengths. */
    public static final class Prompt {
        public Integer batchSize;
        public Integer islMean;
        public Double islStddev;
        public Integer islBlockSize;
        public Integer synthesisMaxIsl;
        public Integer synthesisMaxOsl;
        public Double synthesisSpeedupRatio;
        public String sequenceDistribution;
        public Integer oslMean;
        public Double oslStddev;
        public Integer numPrefixPrompts;
        public Integer prefixPromptLength;
        public Integer sharedSystemPromptLength;
        public Integer userContextPromptLength;
        public String cacheBust;
    }

    /** "Rankings" options of the {@code *rankings} endpoints. */
    public static final class Rankings {
        public Integer passagesMean;
        public Double passagesStddev;
        public Integer passageTokensMean;
        public Double passageTokensStddev;
        public Integer queryTokensMean;
        public Double queryTokensStddev;

        /** Whether any rankings option was given. */
        public boolean anyGiven() {
            return passagesMean != null || passagesStddev != null || passageTokensMean != null
                    || passageTokensStddev != null || queryTokensMean != null || queryTokensStddev != null;
        }
    }

    /** "Conversation" options: sessions, turns and think time. */
    public static final class Conversation {
        public Integer numSessions;
        public Integer numDatasetEntries;
        public Integer sessionTurnsMean;
        public Integer sessionTurnsStddev;
        public Double turnDelayMean;
        public Double turnDelayStddev;
        public Double turnDelayRatio;
    }

    /** "Image Input" options. */
    public static final class Image {
        public Double widthMean;
        public Double widthStddev;
        public Double heightMean;
        public Double heightStddev;
        public Integer batchSize;
        public String format;
    }

    /** "Audio Input" options. */
    public static final class Audio {
        public Double lengthMean;
        public Double lengthStddev;
        public Integer batchSize;
        public String format;
        public List<Integer> depths;
        public List<Double> sampleRates;
        public Integer numChannels;
    }

    /** "Video Input" options. */
    public static final class Video {
        public Integer width;
        public Integer height;
        public Integer batchSize;
        public Double duration;
        public Integer fps;
        public String synthType;
        public String format;
        public String codec;
    }

    /** "Load Generator" options: how much load, for how long, and the warm-up. */
    public static final class Load {
        public Integer concurrency;
        public Double requestRate;
        public String arrivalPattern;
        public Double arrivalSmoothness;
        public Integer requestCount;
        public Double benchmarkDuration;
        /** Seconds or {@code inf}. */
        public String benchmarkGracePeriod;
        public Double concurrencyRampDuration;
        public Double requestRateRampDuration;
        public Integer warmupRequestCount;
        public Double warmupDuration;
        public Integer numWarmupSessions;
        public Integer warmupConcurrency;
        public Double warmupRequestRate;
        public String warmupArrivalPattern;
        /** Seconds or {@code inf}. */
        public String warmupGracePeriod;
        public Double warmupConcurrencyRampDuration;
        public Double warmupRequestRateRampDuration;
    }

    /** "Fixed Schedule" options: replaying a trace at its timestamps. */
    public static final class FixedSchedule {
        public boolean fixedSchedule;
        public boolean noFixedSchedule;
        public boolean autoOffset;
        public Long startOffset;
        public Long endOffset;
    }

    /** "Load Shapes" options: prefill concurrency, user-centric rate, cancellation, ramp type. */
    public static final class Shapes {
        public Integer prefillConcurrency;
        public Double prefillConcurrencyRampDuration;
        public Integer warmupPrefillConcurrency;
        public Double warmupPrefillConcurrencyRampDuration;
        public Double userCentricRate;
        public Integer numUsers;
        public Double requestCancellationRate;
        public Double requestCancellationDelay;
        public String rampType;
    }

    /** "Output" options that shape the run's artifacts. */
    public static final class Output {
        public Path artifactDir;
        public String exportLevel;
        public boolean exportHttpTrace;
        /** {@code --show-trace-timing}: print the HTTP trace timing table after the run. */
        public boolean showTraceTiming;
        public Double sliceDuration;
        public boolean htmlReport = true;
    }

    /** "Server Metrics and GPU Telemetry" options. */
    public static final class Telemetry {
        /** {@code --server-metrics}: null when not given, empty when given without URLs. */
        public List<String> serverMetrics;
        public boolean noServerMetrics;
        public List<String> serverMetricsFormats;
        /** {@code --gpu-telemetry}: null when not given, empty when given without values. */
        public List<String> gpuTelemetry;
        public boolean noGpuTelemetry;
    }

    /** "Tokenizer" options. */
    public static final class Tokenizer {
        public String name;
        public String revision;
        public boolean trustRemoteCode;
    }
}
