package dev.aiperf.cli.profile;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.export.ClientHealth;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import dev.aiperf.cli.shared.AiperfVersion;
import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.engine.BenchmarkOutcome;
import dev.aiperf.engine.BenchmarkRunner;
import dev.aiperf.mock.MockServer;
import dev.aiperf.transport.IoEngine;
import dev.aiperf.mock.MockServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code aiperf calibrate}: measures the client's own error. The mock server stamps every streamed event
 * with the {@code System.nanoTime()} at which it sent it (an SSE comment no client parses); on one Linux
 * machine that is the client's clock too. Running ordinary benchmarks against it at a few concurrencies
 * gives, per event, how long after the send the client stamped the arrival, and the mock's own timing
 * against what it was told to do. See docs/honesty.md.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = AiperfVersion.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "Measure the client's own timing error against the mock server.",
        description = {"Benchmarks the mock server (in this JVM, or one started with 'aiperf mock-server' given by"
                + " --url) at each concurrency, streaming chat, with a warm-up, and prints per concurrency: how late"
                + " the client stamped each streamed event and the first token after the mock sent it, how late"
                + " the mock sent the first token and how evenly the rest, the TTFT and ITL the client reported,"
                + " and whether the client kept up.", ""},
        footer = {"", "Examples:", "  aiperf calibrate", "  aiperf calibrate --concurrency 10 --request-rate 30",
                "  aiperf mock-server --port 8000 & aiperf calibrate --url localhost:8000"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Calibrated.", "1:A run measured nothing.",
                "2:Usage error: unknown option, missing or invalid argument."})
public final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--concurrency", split = ",", paramLabel = "<n>[,<n>...]",
            description = "Concurrencies to run, one benchmark each (default: 1,10,100).")
    List<Integer> concurrencies = new ArrayList<>(List.of(1, 10, 100));

    @Option(names = "--request-rate", paramLabel = "<rps>",
            description = "Send at this rate (each concurrency then caps it), instead of as fast as the slots allow.")
    Double requestRate;

    @Option(names = "--request-count", paramLabel = "<n>",
            description = "Requests per concurrency (default: 10 per concurrent request, at least 40).")
    Integer requestCount;

    @Option(names = "--warmup-request-count", paramLabel = "<n>",
            description = "Warm-up requests before each measured run, not counted (default: the concurrency, at least"
                    + " 10). A few thousand keep the JIT compiler's first seconds out of the figures.")
    Integer warmupRequestCount;

    @Option(names = "--osl", paramLabel = "<tokens>", defaultValue = "64",
            description = "Tokens per response (default: ${DEFAULT-VALUE}).")
    int osl;

    @Option(names = "--ttft", paramLabel = "<ms>", defaultValue = "20",
            description = "The mock's time to first token; with --url, what that mock was started with"
                    + " (default: ${DEFAULT-VALUE}).")
    double ttftMs;

    @Option(names = "--itl", paramLabel = "<ms>", defaultValue = "5",
            description = "The mock's inter-token latency; with --url, what that mock was started with"
                    + " (default: ${DEFAULT-VALUE}).")
    double itlMs;

    @Option(names = "--url", paramLabel = "<url>",
            description = "A mock server already running on this machine (default: one in this JVM).")
    String url;

    @Option(names = "--no-preconnect", negatable = false, description = "Do not open connections before the run.")
    boolean noPreconnect;

    @Option(names = "--io-engine", paramLabel = "auto|nio|epoll|io_uring",
            description = "The client's event-loop engine, as 'aiperf profile --io-engine' (default: auto).")
    String ioEngine;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        if (concurrencies.isEmpty() || concurrencies.stream().anyMatch(c -> c == null || c < 1)) {
            throw new UsageException("--concurrency takes positive whole numbers, e.g. 1,10,100");
        }
        if (warmupRequestCount != null && warmupRequestCount < 1) {
            throw new UsageException("--warmup-request-count must be at least 1, got " + warmupRequestCount);
        }
        if (osl < 2 || !(ttftMs >= 0) || !(itlMs >= 0)) {
            throw new UsageException("--osl must be at least 2, --ttft and --itl at least 0");
        }
        MockServer mock = url == null ? MockServer.start(MockServerConfig.builder()
                .host(MockServerConfig.DEFAULT_HOST).port(0).ttftMs(ttftMs).itlMs(itlMs).build()) : null;
        Path artifacts = Files.createTempDirectory("aiperf-calibrate");
        boolean allMeasured = true;
        try {
            String target = mock != null ? mock.baseUrl() : url;
            out.printf(Locale.ROOT, "Calibrating against the mock at %s (%sTTFT %s ms, ITL %s ms, %d tokens%s);"
                            + " client I/O engine %s%n",
                    target, mock == null ? "" : "in this JVM, " + mock.transport().name().toLowerCase(Locale.ROOT)
                            + " timers, ", number(ttftMs), number(itlMs), osl,
                    requestRate == null ? "" : ", " + number(requestRate) + " requests/s", clientEngine());
            out.println("All figures in ms. Client error: how long after the mock's send stamp the client stamped"
                    + " the arrival of each event (chunk) and of the first token (TTFT).");
            out.println();
            CalibrationTable table = new CalibrationTable(out);
            table.header();
            for (int concurrency : concurrencies) {
                ExportContext context = runOnce(target, concurrency, artifacts.resolve("c" + concurrency));
                if (context == null) {
                    allMeasured = false;
                    out.printf(Locale.ROOT, "%11d  nothing measured%n", concurrency);
                    continue;
                }
                table.row(concurrency, context, ttftMs, itlMs);
            }
            table.footer();
            return allMeasured ? 0 : 1;
        } finally {
            if (mock != null) {
                mock.close();
            }
            deleteRecursively(artifacts);
        }
    }

    /** One benchmark with the profile command's options; the context it exported, or null. */
    private ExportContext runOnce(String target, int concurrency, Path artifactDir) throws IOException {
        int requests = requestCount != null ? requestCount : Math.max(40, 10 * concurrency);
        List<String> args = new ArrayList<>(List.of("-m", "mock-model", "--url", target, "--streaming",
                "--concurrency", String.valueOf(concurrency), "--request-count", String.valueOf(requests),
                "--warmup-request-count", String.valueOf(warmupRequestCount != null ? warmupRequestCount
                        : Math.max(10, concurrency)), "--isl", "64",
                "--osl", String.valueOf(osl), "--extra-inputs", "ignore_eos:true", "--use-server-token-count",
                "--random-seed", "42", "--artifact-dir", artifactDir.toString(), "--ui", "none"));
        if (requestRate != null) {
            args.addAll(List.of("--request-rate", String.valueOf(requestRate)));
        }
        if (noPreconnect) {
            args.add("--no-preconnect");
        }
        if (ioEngine != null) {
            args.addAll(List.of("--io-engine", ioEngine));
        }
        ProfileCommand profile = new ProfileCommand();
        new CommandLine(profile).parseArgs(args.toArray(String[]::new));
        BenchmarkConfig config = ProfileConfigBuilder.build(profile, null, false, "aiperf calibrate").config();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true);
        BenchmarkOutcome outcome;
        try {
            outcome = BenchmarkRunner.prepare(config, quiet, quiet).run();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return outcome.hasResults() ? outcome.context() : null;
    }

    /** The engine the client's event loops will run on, as --io-engine resolves it here. */
    private String clientEngine() {
        try {
            return IoEngine.of(ioEngine == null ? "auto" : ioEngine).resolve().optionValue();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The printed table: one row per concurrency. */
    private static final class CalibrationTable {
        private static final String FORMAT = "%11s  %-24s  %-24s  %-26s  %-8s  %-24s  %-8s  %s%n";
        private final PrintStream out;

        CalibrationTable(PrintStream out) {
            this.out = out;
        }

        void header() {
            out.printf(Locale.ROOT, FORMAT, "", "client error: chunk", "client error: TTFT", "mock TTFT late by",
                    "mock ITL", "client TTFT", "clt ITL", "client");
            out.printf(Locale.ROOT, FORMAT, "concurrency", "p50 / p99 / max", "p50 / p99 / max", "p50 / p99 / max",
                    "avg", "p50 / p90 / p99", "avg", "kept up?");
        }

        void row(int concurrency, ExportContext context, double ttftMs, double itlMs) {
            ClientHealth health = context.clientHealth();
            MetricResult chunk = health == null ? null : health.timing("chunk_receive_delay").orElse(null);
            MetricResult first = health == null ? null : health.timing("first_chunk_receive_delay").orElse(null);
            MetricResult sentTtft = health == null ? null : health.timing("sent_time_to_first_token").orElse(null);
            MetricResult sentItl = health == null ? null : health.timing("sent_inter_token_latency").orElse(null);
            MetricResult ttft = context.result("time_to_first_token").orElse(null);
            MetricResult itl = context.result("inter_token_latency").orElse(null);
            out.printf(Locale.ROOT, FORMAT, concurrency,
                    three(chunk, Statistic.P50, Statistic.P99, Statistic.MAX, 0),
                    three(first, Statistic.P50, Statistic.P99, Statistic.MAX, 0),
                    three(sentTtft, Statistic.P50, Statistic.P99, Statistic.MAX, ttftMs),
                    sentItl == null ? "n/a" : String.format(Locale.ROOT, "%.3f", sentItl.avg()),
                    three(ttft, Statistic.P50, Statistic.P90, Statistic.P99, 0),
                    itl == null ? "n/a" : String.format(Locale.ROOT, "%.3f", itl.avg()),
                    health == null ? "n/a" : health.keptUp() ? "yes" : "no: " + health.problems().getFirst());
        }

        void footer() {
            out.println();
            out.println("mock TTFT late by: the mock's first-token send stamp minus the client's send minus the"
                    + " configured TTFT (includes the request's trip to the mock); mock ITL: mean gap between its"
                    + " send stamps.");
        }

        private static String three(MetricResult result, Statistic a, Statistic b, Statistic c, double minus) {
            if (result == null) {
                return "n/a";
            }
            return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", result.get(a) - minus, result.get(b) - minus,
                    result.get(c) - minus);
        }
    }
}
