package dev.aiperf.cli;

import dev.aiperf.cli.shared.AiperfVersion;
import dev.aiperf.mock.IoTransport;
import dev.aiperf.mock.MockTls;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.mock.MockServerStartException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code aiperf mock-server}: runs the OpenAI-compatible mock server until interrupted. Every flag falls back to the
 * environment variable {@code MOCK_SERVER_<NAME>} (e.g. {@code MOCK_SERVER_TTFT}), then to its default.
 */
@Command(name = "mock-server",
        mixinStandardHelpOptions = true,
        versionProvider = AiperfVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        customSynopsis = "aiperf mock-server [options]",
        header = "Run an OpenAI-compatible mock LLM server for tests, demos and calibration.",
        description = {
                "Serves POST /v1/chat/completions and /v1/completions (streamed or whole, with usage) and "
                        + "/v1/embeddings; GET /v1/models and /health.",
                "Prints 'Mock server listening on http://HOST:PORT' and runs until Ctrl-C or SIGTERM. Each flag "
                        + "falls back to the environment variable MOCK_SERVER_<NAME>, such as MOCK_SERVER_TTFT "
                        + "for --ttft.",
                ""},
        footer = {"",
                "Faults hit inference endpoints only, never /health or /v1/models. --fault-status wins over "
                        + "--error-rate, which wins over --fault-stall-after-headers.",
                "",
                "Examples:",
                "  aiperf mock-server --port 0 --fast",
                "  aiperf mock-server --ttft 200 --itl 20 --error-rate 5 --random-seed 42",
                "  aiperf mock-server --fault-truncate-stream-after 10",
                "  aiperf mock-server --tls --port 8443"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"1:The server could not start (e.g. the port is taken).",
                "2:Usage error: unknown option, missing or invalid argument.",
                "130:Stopped by Ctrl-C (143 when stopped by SIGTERM); the server runs until then."})
public final class MockServerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "${env:MOCK_SERVER_PORT:-8000}",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:MOCK_SERVER_HOST:-127.0.0.1}",
            description = "Interface to bind (default: ${DEFAULT-VALUE}, loopback only).")
    String host;

    @Option(names = {"-t", "--ttft"}, paramLabel = "MS", defaultValue = "${env:MOCK_SERVER_TTFT:-20}",
            description = "Time to first token in ms (default: ${DEFAULT-VALUE}).")
    double ttftMs;

    @Option(names = "--itl", paramLabel = "MS", defaultValue = "${env:MOCK_SERVER_ITL:-5}",
            description = "Inter-token latency in ms (default: ${DEFAULT-VALUE}).")
    double itlMs;

    @Option(names = "--ttft-per-inflight", paramLabel = "MS", defaultValue = "${env:MOCK_SERVER_TTFT_PER_INFLIGHT:-0}",
            description = "Added to TTFT for each other completion in flight: latency grows with load (default: 0).")
    double ttftPerInflightMs;

    @Option(names = "--ttft-per-input-token", paramLabel = "MS",
            defaultValue = "${env:MOCK_SERVER_TTFT_PER_INPUT_TOKEN:-0}",
            description = "Added to TTFT for each prompt token the prefix cache did not hold: a prefill cost, TTFT"
                    + " grows with the input length (default: 0).")
    double ttftPerInputTokenMs;

    @Option(names = "--embedding-base-latency", paramLabel = "MS",
            defaultValue = "${env:MOCK_SERVER_EMBEDDING_BASE_LATENCY:-10}",
            description = "Fixed latency of an embeddings request in ms (default: ${DEFAULT-VALUE}).")
    double embeddingBaseLatencyMs;

    @Option(names = "--embedding-per-input-latency", paramLabel = "MS",
            defaultValue = "${env:MOCK_SERVER_EMBEDDING_PER_INPUT_LATENCY:-2}",
            description = "Added latency per embeddings input in ms (default: ${DEFAULT-VALUE}).")
    double embeddingPerInputLatencyMs;

    @Option(names = "--ranking-base-latency", paramLabel = "MS",
            defaultValue = "${env:MOCK_SERVER_RANKING_BASE_LATENCY:-10}",
            description = "Fixed latency of a rankings request in ms (default: ${DEFAULT-VALUE}).")
    double rankingBaseLatencyMs;

    @Option(names = "--ranking-per-passage-latency", paramLabel = "MS",
            defaultValue = "${env:MOCK_SERVER_RANKING_PER_PASSAGE_LATENCY:-1}",
            description = "Added latency per ranked passage in ms (default: ${DEFAULT-VALUE}).")
    double rankingPerPassageLatencyMs;

    @Option(names = {"-f", "--fast"}, defaultValue = "${env:MOCK_SERVER_FAST:-false}",
            description = "All latencies zero: answer as fast as possible.")
    boolean fast;

    @Option(names = "--error-rate", paramLabel = "PERCENT", defaultValue = "${env:MOCK_SERVER_ERROR_RATE:-0}",
            description = "Percent of inference requests answered 500 {\"detail\":\"Simulated error\"} "
                    + "(default: ${DEFAULT-VALUE}).")
    double errorRatePercent;

    @Option(names = "--random-seed", paramLabel = "SEED", defaultValue = "${env:MOCK_SERVER_RANDOM_SEED}",
            description = "Seed of the error and fault draws: the same seed and request order give the same "
                    + "failures. Generated text depends on the prompt only.")
    Long randomSeed;

    @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "${env:MOCK_SERVER_WORKERS:-0}",
            description = "Event-loop threads; 0 means one per processor (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--transport", paramLabel = "auto|nio|epoll", defaultValue = "${env:MOCK_SERVER_TRANSPORT:-auto}",
            converter = TransportConverter.class,
            description = "Socket and timer machinery: epoll is precise to microseconds (Linux x86_64), nio to "
                    + "about a millisecond; auto picks epoll where it loads (default: ${DEFAULT-VALUE}).")
    IoTransport transport;

    @Option(names = "--model", paramLabel = "ID", split = ",", defaultValue = "${env:MOCK_SERVER_MODEL}",
            description = "A model id /v1/models always lists (repeatable; models seen in requests are added).")
    List<String> models = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, defaultValue = "${env:MOCK_SERVER_VERBOSE:-false}",
            description = "Print the settings at start and unexpected connection errors.")
    boolean verbose;

    @Option(names = "--access-logs", defaultValue = "${env:MOCK_SERVER_ACCESS_LOGS:-false}",
            description = "Print one line per request to standard error.")
    boolean accessLogs;

    @Option(names = "--tls", defaultValue = "${env:MOCK_SERVER_TLS:-false}",
            description = "Serve HTTPS and HTTP/2 over TLS (ALPN h2 or http/1.1) with a self-signed certificate "
                    + "made by the JDK's keytool; clients need AIPERF_HTTP_SSL_VERIFY=false. Without it the port "
                    + "serves HTTP/1.1 and cleartext HTTP/2 (h2c, prior knowledge).")
    boolean tls;

    @Option(names = "--fault-truncate-stream-after", paramLabel = "N",
            defaultValue = "${env:MOCK_SERVER_FAULT_TRUNCATE_STREAM_AFTER:--1}",
            description = "Close streamed responses after N token chunks: no [DONE], no final HTTP chunk "
                    + "(0 = right after the headers; -1 = off, the default).")
    int faultTruncateStreamAfter;

    @Option(names = "--fault-malformed-json-rate", paramLabel = "PERCENT",
            defaultValue = "${env:MOCK_SERVER_FAULT_MALFORMED_JSON_RATE:-0}",
            description = "Percent of whole bodies and stream chunks whose JSON is broken (closing brace left out).")
    double faultMalformedJsonRatePercent;

    @Option(names = "--fault-stall-after-headers", defaultValue = "${env:MOCK_SERVER_FAULT_STALL_AFTER_HEADERS:-false}",
            description = "Send 200 headers, then nothing, keeping the connection open (for read timeouts).")
    boolean faultStallAfterHeaders;

    @Option(names = "--fault-status", paramLabel = "CODE", defaultValue = "${env:MOCK_SERVER_FAULT_STATUS:-0}",
            description = "Answer every inference request with this HTTP status, e.g. 429 or 503 (0 = off).")
    int faultStatus;

    @Option(names = "--tokenizer", paramLabel = "NAME", defaultValue = "${env:MOCK_SERVER_TOKENIZER}",
            description = "Count prompt tokens and cut generated text with this tokenizer (as 'aiperf profile"
                    + " --tokenizer': a tiktoken encoding, a Hugging Face model id in the local cache, a folder or a"
                    + " tokenizer.json), so that usage counts agree with a client using it. Default: the original's"
                    + " character chunks (about four characters per token).")
    String tokenizer;

    @Option(names = "--tokenizer-revision", paramLabel = "REV", defaultValue = "${env:MOCK_SERVER_TOKENIZER_REVISION}",
            description = "Revision of a model id in the Hugging Face cache (default: main).")
    String tokenizerRevision;

    @Option(names = "--tokenizer-trust-remote-code",
            description = "Accepted for compatibility: only tokenizer.json is read, no model code is run.")
    boolean tokenizerTrustRemoteCode;

    @Option(names = "--no-tokenizer", description = "Character chunks instead of a tokenizer (the default).")
    boolean noTokenizer;

    @Option(names = "--dcgm-num-gpus", paramLabel = "N", defaultValue = "${env:MOCK_SERVER_DCGM_NUM_GPUS:-2}",
            description = "GPUs reported by each DCGM-exporter-style page, /dcgm1/metrics and /dcgm2/metrics, whose"
                    + " figures follow the mock's load (0 turns them off; default: ${DEFAULT-VALUE}).")
    int dcgmGpus;

    @Option(names = "--dcgm-gpu-name", paramLabel = "NAME", defaultValue = "${env:MOCK_SERVER_DCGM_GPU_NAME:-NVIDIA H200}",
            description = "GPU model name on the DCGM pages (default: ${DEFAULT-VALUE}).")
    String dcgmGpuName;

    /** The server settings these flags describe; a bad value throws {@link IllegalArgumentException} naming it. */
    MockServerConfig toConfig() {
        return MockServerConfig.builder()
                .host(host).port(port).ttftMs(ttftMs).itlMs(itlMs).ttftPerInflightMs(ttftPerInflightMs)
                .ttftPerInputTokenMs(ttftPerInputTokenMs)
                .embeddingBaseLatencyMs(embeddingBaseLatencyMs).embeddingPerInputLatencyMs(embeddingPerInputLatencyMs)
                .rankingBaseLatencyMs(rankingBaseLatencyMs).rankingPerPassageLatencyMs(rankingPerPassageLatencyMs)
                .fast(fast).errorRatePercent(errorRatePercent).randomSeed(randomSeed).workers(workers)
                .transport(transport).models(models == null ? List.of() : models)
                .accessLogs(accessLogs).verbose(verbose)
                .faultTruncateStreamAfter(faultTruncateStreamAfter)
                .faultMalformedJsonRatePercent(faultMalformedJsonRatePercent)
                .faultStallAfterHeaders(faultStallAfterHeaders)
                .faultStatus(faultStatus)
                .tokenizer(noTokenizer ? null : tokenizer).tokenizerRevision(tokenizerRevision)
                .dcgmGpus(dcgmGpus).dcgmGpuName(dcgmGpuName)
                .build();
    }

    @Override
    public Integer call() {
        MockServerConfig config;
        try {
            config = toConfig();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MockServer server;
        try {
            server = MockServer.start(config, tls ? MockTls.selfSigned() : null);
        } catch (IllegalArgumentException badTokenizer) {
            throw new CommandLine.ParameterException(spec.commandLine(), badTokenizer.getMessage(), badTokenizer);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            return cannotStart(err, e.getMessage());
        } catch (MockServerStartException e) {
            boolean bindFailed = e.getMessage().startsWith("cannot listen");
            return cannotStart(err, e.getMessage()
                    + (bindFailed ? " (choose another --port, or --port 0 for a free one)" : ""));
        }
        Thread shutdown = new Thread(server::close, "mock-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        if (verbose) {
            err.println("mock-server: " + server.transport() + " transport, settings " + config);
            err.flush();
        }
        out.println("Mock server listening on " + server.baseUrl());
        out.flush();
        try {
            server.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            removeHook(shutdown);
        }
        return 0;
    }

    /** Exit code 1 after one line saying why the server could not start. */
    private static int cannotStart(PrintWriter err, String why) {
        err.println("aiperf: error: " + why);
        err.flush();
        return 1;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is what stopped us: the JVM is already on its way out.
        }
    }

    /** Case-insensitive {@code auto}, {@code nio}, {@code epoll}. */
    static final class TransportConverter implements CommandLine.ITypeConverter<IoTransport> {
        @Override
        public IoTransport convert(String value) {
            for (IoTransport transport : IoTransport.values()) {
                if (transport.name().equalsIgnoreCase(value.strip())) {
                    return transport;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a transport; valid: auto, nio, epoll");
        }
    }
}
