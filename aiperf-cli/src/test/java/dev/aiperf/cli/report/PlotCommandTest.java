package dev.aiperf.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf plot} over real runs of the mock server: real PNG files, decoded and looked at. */
class PlotCommandTest {
    /** Every per-run plot file of a streaming run, by plot type. */
    static final List<String> PER_RUN_FILES = List.of(
            "time_to_first_token_distribution.png", "inter_token_latency_distribution.png",
            "request_latency_distribution.png", // distribution
            "time_to_first_token_scatter.png", "inter_token_latency_scatter.png", "request_latency_scatter.png",
            "time_to_first_token_scatter_percentiles.png", "request_latency_scatter_percentiles.png",
            "throughput_over_time.png", // area
            "time_to_first_token_percentile_bands.png", "inter_token_latency_percentile_bands.png",
            "request_latency_percentile_bands.png",
            "request_timeline.png", "requests_per_window.png");

    @TempDir
    static Path root;
    static List<Path> runs;

    @TempDir
    Path out;

    @BeforeAll
    static void runASmallSweep() {
        runs = SweepFixture.run(root.resolve("sweep"), 1, 2, 4);
    }

    @Test
    void oneRunGetsEveryPerRunPlotAsARealPictureAndAReport() throws IOException {
        CliRun run = CliRun.of("plot", runs.get(1).toString(), "--output", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Plotted 1 run: " + PER_RUN_FILES.size() + " PNG files")
                .contains("HTML Report: " + out.resolve("report.html").toAbsolutePath());
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(PER_RUN_FILES.stream(), Stream.of("report.html"))
                            .toList());
        }
        for (String file : PER_RUN_FILES) {
            PngAssertions.assertDrawn(out.resolve(file), 1200, 700);
        }
        assertThat(out.resolve("pareto.png")).as("a comparison needs two runs").doesNotExist();
    }

    @Test
    void severalRunsGetTheComparisonPlotsAndAFolderEach() throws IOException {
        CliRun run = CliRun.of("plot", "--paths", root.resolve("sweep").toString(), "--output", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Plotted 3 runs");
        PngAssertions.assertDrawn(out.resolve("pareto.png"), 1200, 700);
        PngAssertions.assertDrawn(out.resolve("time_to_first_token_by_load.png"), 1200, 700);
        PngAssertions.assertDrawn(out.resolve("request_latency_by_load.png"), 1200, 700);
        for (String name : List.of("concurrency1", "concurrency2", "concurrency4")) {
            PngAssertions.assertDrawn(out.resolve(name).resolve("throughput_over_time.png"), 1200, 700);
        }
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("\"comparison\":{").contains("\"label\":\"concurrency4\"");
    }

    @Test
    void theDefaultOutputIsPlotsUnderTheFirstPathAndTheDarkThemeDrawsOnDark() throws IOException {
        CliRun run = CliRun.of("plot", runs.getFirst().toString(), "--theme", "dark");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path plots = runs.getFirst().resolve("plots");
        assertThat(plots.resolve("report.html")).isRegularFile();
        BufferedImage image = PngAssertions.assertDrawn(plots.resolve("time_to_first_token_distribution.png"), 1200,
                700);
        Color corner = new Color(image.getRGB(2, 2));
        assertThat(corner.getRed() + corner.getGreen() + corner.getBlue()).isLessThan(150);
        assertThat(Files.readString(plots.resolve("report.html"))).contains("\"theme\":\"dark\"");
    }

    @Test
    void aMissingPathIsAUsageErrorInOneLine() {
        CliRun run = CliRun.of("plot", root.resolve("nope").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("aiperf: error: no such directory: " + root.resolve("nope"))
                .doesNotContain("Exception");
    }

    @Test
    void aFolderWithoutRunsFails() throws IOException {
        Path empty = Files.createDirectories(out.resolve("empty"));
        CliRun run = CliRun.of("plot", empty.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no run directory (one holding profile_export_aiperf.json)");
    }

    @Test
    void anUnknownThemeIsAUsageError() {
        CliRun run = CliRun.of("plot", runs.getFirst().toString(), "--theme", "blue");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--theme must be light or dark, not 'blue'");
    }

    @Test
    void aProfileRunWritesItsOwnReportUnlessTurnedOffAndPlotsWithAutoPlot() throws IOException {
        assertThat(runs.getFirst().resolve("report.html")).isRegularFile();
        String report = Files.readString(runs.getFirst().resolve("report.html"));
        assertThat(report).doesNotContain(SweepFixture.API_KEY).contains("\"api_key\":\"<redacted>\"");

        Path quiet = out.resolve("quiet");
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "0", "--mock-itl", "0", "--concurrency", "2",
                "--request-count", "6", "--isl", "16", "--osl", "4", "--ui", "none", "--no-html-report",
                "--auto-plot", "--artifact-dir", quiet.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(quiet.resolve("profile_export_aiperf.json")).isRegularFile();
        assertThat(quiet.resolve("report.html")).doesNotExist();
        assertThat(run.out()).doesNotContain("HTML Report").contains("Plots: " + quiet.resolve("plots").toAbsolutePath());
        PngAssertions.assertDrawn(quiet.resolve("plots/request_latency_distribution.png"), 1200, 700);
    }

    @Test
    void dualAxisOverlaysThroughputAndTheGpusUtilisationOfARunWithGpuTelemetry() throws IOException {
        Path dir = out.resolve("gpu-run");
        try (MockServer server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(40)
                .itlMs(8).build())) {
            CliRun run = CliRun.of("profile", "-m", "mock-model", "--url", server.baseUrl(), "--streaming",
                    "--concurrency", "8", "--request-count", "48", "--isl", "16", "--osl", "32", "--extra-inputs",
                    "ignore_eos:true", "--tokenizer", "cl100k_base", "--ui", "none", "--gpu-telemetry",
                    server.baseUrl() + "/dcgm1/metrics", server.baseUrl() + "/dcgm2/metrics", "--artifact-dir",
                    dir.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
        assertThat(dir.resolve("gpu_telemetry_export.jsonl")).isRegularFile();
        CliRun plot = CliRun.of("plot", dir.toString(), "--output", out.resolve("plots").toString());

        assertThat(plot.exitCode()).as(plot.toString()).isZero();
        BufferedImage image = PngAssertions.assertDrawn(out.resolve("plots/throughput_and_gpu_utilization.png"), 1200,
                700);
        // the utilisation line (the palette's second colour) is drawn, not only the throughput steps
        long orange = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xE69F00) {
                    orange++;
                }
            }
        }
        assertThat(orange).as("pixels of the utilisation line").isGreaterThan(200);
        // runs without GPU telemetry (the fixture's) get no such file: see oneRunGetsEveryPerRunPlot...
    }

    @Test
    void everyPlotTypeIsRegisteredInThePlotCategory() {
        CliRun run = CliRun.of("plugins", "list-implementations", "plot", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("distribution", "scatter", "scatter_with_percentiles", "area",
                "percentile_bands", "request_timeline", "histogram", "pareto", "scatter_line", "dual_axis",
                "timeslice", "latency_throughput_uncertainty");
        assertThat(new ObjectMapper().valueToTree(run.json()).toString()).contains("dev.aiperf.plot.ParetoPlot");
    }
}
