package dev.aiperf.mock;

import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link MockServer}. Start from {@link #defaults()} or {@link #builder()}; every latency is in
 * milliseconds and may be fractional.
 *
 * @param host                       interface to bind; loopback unless told otherwise
 * @param port                       TCP port; 0 picks a free one (read it back with {@link MockServer#port()})
 * @param ttftMs                     time to first token, from the arrival of the request headers
 * @param itlMs                      inter-token latency: token {@code k} is due at {@code start + ttft + k * itl}
 * @param embeddingBaseLatencyMs     fixed latency of an embeddings request
 * @param embeddingPerInputLatencyMs added latency per embeddings input
 * @param fast                       every latency is zero, whatever the fields above say
 * @param errorRatePercent           percent (0-100) of inference requests answered {@code 500}
 *                                   {@code {"detail":"Simulated error"}}
 * @param randomSeed                 seed of the error and fault draws; {@code null} seeds from the clock. Generated
 *                                   text is always deterministic (it depends on the prompt only)
 * @param workers                    event-loop threads; 0 means one per available processor
 * @param transport                  socket and timer machinery; {@link IoTransport#AUTO} picks native epoll where
 *                                   it loads, else NIO
 * @param accessLogs                 print one line per request to standard error
 * @param verbose                    print unexpected connection errors to standard error
 * @param models                     model ids {@code /v1/models} always lists (models seen in requests are added)
 * @param faults                     faults to inject, for client robustness tests
 * @param tokenizer                  tokenizer of prompts and generated text: a tiktoken encoding, a Hugging Face
 *                                   model id in the local cache, a folder or a tokenizer.json; null for the
 *                                   original's character chunks (about four characters per token)
 * @param tokenizerRevision          revision of a model id in the Hugging Face cache ({@code main} when null)
 * @param rankingBaseLatencyMs       fixed latency of a rankings request (NIM, TEI, Cohere)
 * @param rankingPerPassageLatencyMs added latency per ranked passage
 * @param dcgmGpus                   GPUs each DCGM-exporter-style endpoint ({@code /dcgm1/metrics},
 *                                   {@code /dcgm2/metrics}) reports; 0 turns those endpoints off
 * @param dcgmGpuName                the model name those GPUs report
 * @param ttftPerInflightMs          added to the time to first token for each other completion in flight when a
 *                                   request arrives: a server that slows down with load, so that an SLA breaks at a
 *                                   known concurrency (0, the default, keeps latency independent of load)
 * @param ttftPerInputTokenMs        added to the time to first token for each prompt token the prefix cache did not
 *                                   hold: a prefill cost, so that TTFT grows with the input length (default 0)
 */
public record MockServerConfig(String host, int port, double ttftMs, double itlMs, double embeddingBaseLatencyMs,
                               double embeddingPerInputLatencyMs, boolean fast, double errorRatePercent,
                               Long randomSeed, int workers, IoTransport transport, boolean accessLogs,
                               boolean verbose, List<String> models, FaultInjection faults, String tokenizer,
                               String tokenizerRevision, double rankingBaseLatencyMs,
                               double rankingPerPassageLatencyMs, int dcgmGpus, String dcgmGpuName,
                               double ttftPerInflightMs, double ttftPerInputTokenMs) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final double DEFAULT_TTFT_MS = 20;
    public static final double DEFAULT_ITL_MS = 5;
    public static final double DEFAULT_EMBEDDING_BASE_LATENCY_MS = 10;
    public static final double DEFAULT_EMBEDDING_PER_INPUT_LATENCY_MS = 2;
    public static final double DEFAULT_RANKING_BASE_LATENCY_MS = 10;
    public static final double DEFAULT_RANKING_PER_PASSAGE_LATENCY_MS = 1;
    public static final int DEFAULT_DCGM_GPUS = 2;
    public static final String DEFAULT_DCGM_GPU_NAME = "NVIDIA H200";

    public MockServerConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("--host must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535 (0 picks a free port), got " + port);
        }
        requireLatency("--ttft", ttftMs);
        requireLatency("--itl", itlMs);
        requireLatency("--ttft-per-inflight", ttftPerInflightMs);
        requireLatency("--ttft-per-input-token", ttftPerInputTokenMs);
        requireLatency("--embedding-base-latency", embeddingBaseLatencyMs);
        requireLatency("--embedding-per-input-latency", embeddingPerInputLatencyMs);
        requireLatency("--ranking-base-latency", rankingBaseLatencyMs);
        requireLatency("--ranking-per-passage-latency", rankingPerPassageLatencyMs);
        requirePercent("--error-rate", errorRatePercent);
        if (workers < 0) {
            throw new IllegalArgumentException("--workers must be 0 (one per processor) or more, got " + workers);
        }
        Objects.requireNonNull(transport, "transport");
        models = List.copyOf(models);
        Objects.requireNonNull(faults, "faults");
        if (tokenizer != null && tokenizer.isBlank()) {
            tokenizer = null;
        }
        if (dcgmGpus < 0 || dcgmGpus > 64) {
            throw new IllegalArgumentException("--dcgm-num-gpus must be between 0 (off) and 64, got " + dcgmGpus);
        }
        if (dcgmGpuName == null || dcgmGpuName.isBlank()) {
            dcgmGpuName = DEFAULT_DCGM_GPU_NAME;
        }
    }

    /** A configuration with the default DCGM endpoints (2 GPUs each). */
    public MockServerConfig(String host, int port, double ttftMs, double itlMs, double embeddingBaseLatencyMs,
                            double embeddingPerInputLatencyMs, boolean fast, double errorRatePercent, Long randomSeed,
                            int workers, IoTransport transport, boolean accessLogs, boolean verbose,
                            List<String> models, FaultInjection faults, String tokenizer, String tokenizerRevision,
                            double rankingBaseLatencyMs, double rankingPerPassageLatencyMs) {
        this(host, port, ttftMs, itlMs, embeddingBaseLatencyMs, embeddingPerInputLatencyMs, fast, errorRatePercent,
                randomSeed, workers, transport, accessLogs, verbose, models, faults, tokenizer, tokenizerRevision,
                rankingBaseLatencyMs, rankingPerPassageLatencyMs, DEFAULT_DCGM_GPUS, DEFAULT_DCGM_GPU_NAME, 0);
    }

    /** The defaults of the original tool: 127.0.0.1:8000, TTFT 20 ms, ITL 5 ms, no errors, no faults. */
    public static MockServerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Time to first token in nanoseconds, 0 in fast mode. */
    public long effectiveTtftNanos() {
        return fast ? 0 : millisToNanos(ttftMs);
    }

    /** Latency independent of load: the form before {@code ttftPerInflightMs}, kept so existing code compiles. */
    public MockServerConfig(String host, int port, double ttftMs, double itlMs, double embeddingBaseLatencyMs,
                            double embeddingPerInputLatencyMs, boolean fast, double errorRatePercent, Long randomSeed,
                            int workers, IoTransport transport, boolean accessLogs, boolean verbose,
                            List<String> models, FaultInjection faults, String tokenizer, String tokenizerRevision,
                            double rankingBaseLatencyMs, double rankingPerPassageLatencyMs, int dcgmGpus,
                            String dcgmGpuName) {
        this(host, port, ttftMs, itlMs, embeddingBaseLatencyMs, embeddingPerInputLatencyMs, fast, errorRatePercent,
                randomSeed, workers, transport, accessLogs, verbose, models, faults, tokenizer, tokenizerRevision,
                rankingBaseLatencyMs, rankingPerPassageLatencyMs, dcgmGpus, dcgmGpuName, 0);
    }

    /** Without a prefill cost per input token: the form before {@code ttftPerInputTokenMs}, kept so code compiles. */
    public MockServerConfig(String host, int port, double ttftMs, double itlMs, double embeddingBaseLatencyMs,
                            double embeddingPerInputLatencyMs, boolean fast, double errorRatePercent, Long randomSeed,
                            int workers, IoTransport transport, boolean accessLogs, boolean verbose,
                            List<String> models, FaultInjection faults, String tokenizer, String tokenizerRevision,
                            double rankingBaseLatencyMs, double rankingPerPassageLatencyMs, int dcgmGpus,
                            String dcgmGpuName, double ttftPerInflightMs) {
        this(host, port, ttftMs, itlMs, embeddingBaseLatencyMs, embeddingPerInputLatencyMs, fast, errorRatePercent,
                randomSeed, workers, transport, accessLogs, verbose, models, faults, tokenizer, tokenizerRevision,
                rankingBaseLatencyMs, rankingPerPassageLatencyMs, dcgmGpus, dcgmGpuName, ttftPerInflightMs, 0);
    }

    /** Time to first token added per uncached prompt token, in nanoseconds (fractional); 0 in fast mode. */
    public double effectiveTtftPerInputTokenNanos() {
        return fast ? 0 : ttftPerInputTokenMs * 1_000_000;
    }

    /** Time to first token added per other completion in flight, in nanoseconds; 0 in fast mode. */
    public long effectiveTtftPerInflightNanos() {
        return fast ? 0 : millisToNanos(ttftPerInflightMs);
    }

    /** Inter-token latency in nanoseconds, 0 in fast mode. */
    public long effectiveItlNanos() {
        return fast ? 0 : millisToNanos(itlMs);
    }

    /** Latency of an embeddings request with {@code inputs} inputs, in nanoseconds; 0 in fast mode. */
    public long embeddingLatencyNanos(int inputs) {
        return fast ? 0 : millisToNanos(embeddingBaseLatencyMs + embeddingPerInputLatencyMs * inputs);
    }

    /** Latency of a rankings request with {@code passages} passages, in nanoseconds; 0 in fast mode. */
    public long rankingLatencyNanos(int passages) {
        return fast ? 0 : millisToNanos(rankingBaseLatencyMs + rankingPerPassageLatencyMs * passages);
    }

    /** Event-loop threads to start: {@link #workers}, or one per processor when it is 0. */
    public int effectiveWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    private static long millisToNanos(double millis) {
        return Math.round(millis * 1_000_000.0);
    }

    private static void requireLatency(String flag, double millis) {
        if (!(millis >= 0) || Double.isInfinite(millis)) {
            throw new IllegalArgumentException(flag + " must be a latency of 0 ms or more, got " + millis);
        }
    }

    static void requirePercent(String flag, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException(flag + " must be a percentage between 0 and 100, got " + percent);
        }
    }

    /** Builds a {@link MockServerConfig}; unset fields keep their defaults. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private double ttftMs = DEFAULT_TTFT_MS;
        private double itlMs = DEFAULT_ITL_MS;
        private double embeddingBaseLatencyMs = DEFAULT_EMBEDDING_BASE_LATENCY_MS;
        private double embeddingPerInputLatencyMs = DEFAULT_EMBEDDING_PER_INPUT_LATENCY_MS;
        private boolean fast;
        private double errorRatePercent;
        private Long randomSeed;
        private int workers;
        private IoTransport transport = IoTransport.AUTO;
        private boolean accessLogs;
        private boolean verbose;
        private List<String> models = List.of();
        private int truncateStreamAfterChunks = FaultInjection.OFF;
        private double malformedJsonRatePercent;
        private boolean stallAfterHeaders;
        private int forcedStatus;
        private String tokenizer;
        private String tokenizerRevision;
        private double ttftPerInflightMs;
        private double ttftPerInputTokenMs;
        private double rankingBaseLatencyMs = DEFAULT_RANKING_BASE_LATENCY_MS;
        private double rankingPerPassageLatencyMs = DEFAULT_RANKING_PER_PASSAGE_LATENCY_MS;
        private int dcgmGpus = DEFAULT_DCGM_GPUS;
        private String dcgmGpuName = DEFAULT_DCGM_GPU_NAME;

        private Builder() {
        }

        private Builder(MockServerConfig c) {
            host = c.host;
            port = c.port;
            ttftMs = c.ttftMs;
            itlMs = c.itlMs;
            embeddingBaseLatencyMs = c.embeddingBaseLatencyMs;
            embeddingPerInputLatencyMs = c.embeddingPerInputLatencyMs;
            fast = c.fast;
            errorRatePercent = c.errorRatePercent;
            randomSeed = c.randomSeed;
            workers = c.workers;
            transport = c.transport;
            accessLogs = c.accessLogs;
            verbose = c.verbose;
            models = c.models;
            faults(c.faults);
            tokenizer = c.tokenizer;
            tokenizerRevision = c.tokenizerRevision;
            ttftPerInflightMs = c.ttftPerInflightMs;
            ttftPerInputTokenMs = c.ttftPerInputTokenMs;
            rankingBaseLatencyMs = c.rankingBaseLatencyMs;
            rankingPerPassageLatencyMs = c.rankingPerPassageLatencyMs;
            dcgmGpus = c.dcgmGpus;
            dcgmGpuName = c.dcgmGpuName;
        }

        public Builder rankingBaseLatencyMs(double ms) { this.rankingBaseLatencyMs = ms; return this; }
        public Builder rankingPerPassageLatencyMs(double ms) { this.rankingPerPassageLatencyMs = ms; return this; }
        /** GPUs per DCGM-style endpoint; 0 turns {@code /dcgm1/metrics} and {@code /dcgm2/metrics} off. */
        public Builder dcgmGpus(int gpus) { this.dcgmGpus = gpus; return this; }
        public Builder dcgmGpuName(String name) { this.dcgmGpuName = name; return this; }


        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder ttftMs(double ttftMs) { this.ttftMs = ttftMs; return this; }
        public Builder itlMs(double itlMs) { this.itlMs = itlMs; return this; }
        /** See {@link MockServerConfig#ttftPerInflightMs}. */
        public Builder ttftPerInflightMs(double ms) { this.ttftPerInflightMs = ms; return this; }
        /** See {@link MockServerConfig#ttftPerInputTokenMs}. */
        public Builder ttftPerInputTokenMs(double ms) { this.ttftPerInputTokenMs = ms; return this; }
        public Builder embeddingBaseLatencyMs(double ms) { this.embeddingBaseLatencyMs = ms; return this; }
        public Builder embeddingPerInputLatencyMs(double ms) { this.embeddingPerInputLatencyMs = ms; return this; }
        public Builder fast(boolean fast) { this.fast = fast; return this; }
        public Builder errorRatePercent(double percent) { this.errorRatePercent = percent; return this; }
        public Builder randomSeed(Long seed) { this.randomSeed = seed; return this; }
        public Builder workers(int workers) { this.workers = workers; return this; }
        public Builder transport(IoTransport transport) { this.transport = transport; return this; }
        public Builder accessLogs(boolean accessLogs) { this.accessLogs = accessLogs; return this; }
        public Builder verbose(boolean verbose) { this.verbose = verbose; return this; }
        public Builder models(List<String> models) { this.models = List.copyOf(models); return this; }
        /** Tokenizer of prompts and output (see {@link MockServerConfig#tokenizer}); null for character chunks. */
        public Builder tokenizer(String tokenizer) { this.tokenizer = tokenizer; return this; }
        public Builder tokenizerRevision(String revision) { this.tokenizerRevision = revision; return this; }

        /** Closes streamed responses after {@code chunks} token chunks; {@link FaultInjection#OFF} disables it. */
        public Builder faultTruncateStreamAfter(int chunks) { this.truncateStreamAfterChunks = chunks; return this; }
        public Builder faultMalformedJsonRatePercent(double percent) {
            this.malformedJsonRatePercent = percent;
            return this;
        }
        public Builder faultStallAfterHeaders(boolean stall) { this.stallAfterHeaders = stall; return this; }
        /** Answers every inference request with {@code status}; 0 disables it. */
        public Builder faultStatus(int status) { this.forcedStatus = status; return this; }

        public Builder faults(FaultInjection faults) {
            truncateStreamAfterChunks = faults.truncateStreamAfterChunks();
            malformedJsonRatePercent = faults.malformedJsonRatePercent();
            stallAfterHeaders = faults.stallAfterHeaders();
            forcedStatus = faults.forcedStatus();
            return this;
        }

        /** Validates and builds; a bad value throws {@link IllegalArgumentException} naming its command-line flag. */
        public MockServerConfig build() {
            FaultInjection faults = new FaultInjection(truncateStreamAfterChunks, malformedJsonRatePercent,
                    stallAfterHeaders, forcedStatus);
            return new MockServerConfig(host, port, ttftMs, itlMs, embeddingBaseLatencyMs, embeddingPerInputLatencyMs,
                    fast, errorRatePercent, randomSeed, workers, transport, accessLogs, verbose, models, faults,
                    tokenizer, tokenizerRevision, rankingBaseLatencyMs, rankingPerPassageLatencyMs, dcgmGpus,
                    dcgmGpuName, ttftPerInflightMs, ttftPerInputTokenMs);
        }
    }
}
