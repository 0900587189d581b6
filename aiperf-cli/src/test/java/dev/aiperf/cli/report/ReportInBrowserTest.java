package dev.aiperf.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.cli.CliRun;
import dev.aiperf.report.HtmlReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html in a real browser: Debian's Chromium, headless, on a closed network (the page must need
 * nothing but itself). Asserts no console error, every chart drawn (marker and ink on its canvas), the
 * tables and sections present, and keeps full-page screenshots in {@code target/report-screenshots/}.
 * Chromium is required: without it this test fails (CI installs it; see .ci/run).
 */
class ReportInBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    /** Per chart: drawn marker, and the share of its canvas pixels that are not transparent (ink). */
    private static final String CHARTS = """
            Array.from(document.querySelectorAll('[data-chart]')).map(function (div) {
              var canvas = div.querySelector('canvas');
              var ink = 0, total = 0;
              if (canvas) {
                var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (var i = 3; i < pixels.length; i += 4 * 7) { total++; if (pixels[i] !== 0) { ink++; } }
              }
              return {id: div.id, rendered: div.getAttribute('data-rendered'), ink: total ? ink / total : 0};
            })""";

    @TempDir
    static Path root;
    static List<Path> runs;
    static HeadlessChromium chromium;

    @BeforeAll
    static void startChromiumAndRun() throws Exception {
        Path binary = HeadlessChromium.binary();
        assertThat(binary).as("Chromium is required to test report.html: install Debian's chromium"
                + " (apt-get install chromium; .ci/run does) or point AIPERF_CHROMIUM at a binary").isNotNull();
        runs = SweepFixture.run(root.resolve("sweep"), 1, 4);
        chromium = HeadlessChromium.start(binary);
    }

    @AfterAll
    static void stopChromium() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aRunsOwnReportDrawsEveryChartWithoutAConsoleError() throws Exception {
        Path report = runs.get(1).resolve("report.html");
        JsonNode charts = render(report, "run-report.png");

        assertThat(charts.size()).as("histograms, over-time charts and throughput").isEqualTo(7);
        assertThat(chromium.evaluate("document.querySelector('h1').textContent").asText()).isEqualTo("concurrency4");
        assertThat(chromium.evaluate("document.querySelectorAll('table').length").asInt())
                .as("metrics and plugins tables").isGreaterThanOrEqualTo(2);
        String text = chromium.evaluate("document.body.innerText").asText();
        assertThat(text).contains("Time to First Token", "Request Throughput", "Configuration (secrets redacted)",
                "Plugins used", "Server metrics").doesNotContain(SweepFixture.API_KEY);
        assertThat(chromium.evaluate("document.getElementById('run0-config').textContent").asText())
                .contains("\"api_key\": \"<redacted>\"");
    }

    @Test
    void aComparisonReportDrawsTheParetoChartAndEveryRun() throws Exception {
        // The report `aiperf plot` writes (PlotCommandTest runs the command; the PNGs are not needed here).
        Path page = HtmlReport.write(List.of(RunArtifacts.read(runs.get(0)), RunArtifacts.read(runs.get(1))),
                root.resolve("comparison.html"), "test", "light");

        JsonNode charts = render(page, "comparison-report.png");

        assertThat(charts.size()).isEqualTo(1 + 2 * 7);
        assertThat(charts.get(0).path("id").asText()).isEqualTo("comparison-pareto");
        assertThat(chromium.evaluate("document.getElementById('comparison').innerText").asText())
                .contains("concurrency1", "concurrency4");
    }

    @Test
    void aStudyReportDrawsTheParetoCurveWithIntervalsAndLinksEveryRun() throws Exception {
        // A sweep of three concurrencies, each run twice: the aggregate folder gets the study's report.html.
        Path base = root.resolve("study");
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "3", "--mock-itl", "0.5", "--streaming",
                "--concurrency", "1,2,4", "--num-profile-runs", "2", "--request-count", "8", "--isl", "32", "--osl",
                "16", "--extra-inputs", "ignore_eos:true", "--api-key", SweepFixture.API_KEY, "--ui", "none",
                "--artifact-dir", base.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path page = base.resolve("aggregate/sweep_aggregate/report.html");

        JsonNode charts = render(page, "study-report.png");

        assertThat(charts).extracting(c -> c.path("id").asText()).containsExactly("study-pareto", "study-latencies");
        assertThat(chromium.evaluate("document.querySelectorAll('#study-cells tbody tr').length").asInt()).isEqualTo(3);
        String text = chromium.evaluate("document.getElementById('study').innerText").asText();
        assertThat(text).contains("concurrency_1", "concurrency_4", "95% confidence", "\u00b1",
                "Configuration (secrets redacted)").doesNotContain(SweepFixture.API_KEY);
        assertThat(chromium.evaluate("document.getElementById('study-config').textContent").asText())
                .contains("<redacted>").doesNotContain(SweepFixture.API_KEY);
        // Every run's own report is linked, and every link leads to a file.
        JsonNode links = chromium.evaluate("Array.from(document.querySelectorAll('#study-cells a')).map(a => a.href)");
        assertThat(links).hasSize(6);
        for (JsonNode link : links) {
            assertThat(Path.of(java.net.URI.create(link.asText()))).isRegularFile().hasFileName("report.html");
        }
    }

    @Test
    void theDarkThemeRendersToo() throws Exception {
        Path page = HtmlReport.write(List.of(RunArtifacts.read(runs.getFirst())), root.resolve("dark.html"), "test",
                "dark");

        render(page, "dark-report.png");
        assertThat(chromium.evaluate("document.body.classList.contains('dark')").asBoolean()).isTrue();
    }

    /** Opens the page, waits for every chart, checks them and the console, and keeps a screenshot. */
    private static JsonNode render(Path page, String screenshot) throws Exception {
        int errorsBefore = chromium.consoleErrors().size();
        chromium.open(page, 1400, 900);
        boolean ready = chromium.waitFor("document.body.getAttribute('data-report-ready') === 'true'",
                Duration.ofSeconds(30));
        Path shot = chromium.screenshot(SCREENSHOTS.resolve(screenshot));
        assertThat(ready).as("every chart reported itself drawn; body: %s, errors: %s",
                chromium.evaluate("document.body.outerHTML.substring(0, 300)"), chromium.consoleErrors()).isTrue();
        List<String> errors = chromium.consoleErrors().subList(errorsBefore, chromium.consoleErrors().size());
        assertThat(errors).as("console errors of %s", page).isEmpty();
        JsonNode charts = chromium.evaluate(CHARTS);
        assertThat(charts.size()).isPositive();
        for (JsonNode chart : charts) {
            assertThat(chart.path("rendered").asText()).as(chart.toString()).isEqualTo("true");
            assertThat(chart.path("ink").asDouble()).as("ink on the canvas of %s", chart).isGreaterThan(0.02);
        }
        assertThat(chromium.evaluate("document.body.getAttribute('data-charts-expected')").asText())
                .isEqualTo(String.valueOf(charts.size()));
        assertThat(Files.size(shot)).isGreaterThan(20_000);
        PngAssertions.assertDrawn(shot, 0, 0);
        return charts;
    }
}
