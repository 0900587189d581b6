package dev.aiperf.console;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.export.ErrorCount;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import dev.aiperf.metrics.MetricsEnvironment;
import dev.aiperf.metrics.TestConfigs;
import dev.aiperf.metrics.TvE;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The console metrics table (metrics spec §6), golden against the original's TV-E output. */
class MetricsTableConsoleExporterTest {
    static final String TV_E_TABLE = """
                                                 NVIDIA AIPerf | LLM Metrics
            ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━┳━━━━━━━━┳━━━━━━━━┳━━━━━━━━┳━━━━━━━━┳━━━━━━━━┳━━━━━━━┓
            ┃                               Metric ┃    avg ┃    min ┃    max ┃    p99 ┃    p90 ┃    p50 ┃   std ┃
            ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━╇━━━━━━━━╇━━━━━━━━╇━━━━━━━━╇━━━━━━━━╇━━━━━━━━╇━━━━━━━┩
            │             Time to First Token (ms) │  45.00 │  35.00 │  60.00 │  59.55 │  55.50 │  42.50 │  9.35 │
            │            Time to Second Token (ms) │   9.50 │   6.00 │  12.00 │  11.94 │  11.40 │  10.00 │  2.18 │
            │      Time to First Output Token (ms) │  45.00 │  35.00 │  60.00 │  59.55 │  55.50 │  42.50 │  9.35 │
            │                 Request Latency (ms) │  75.00 │  58.00 │ 101.00 │ 100.22 │  93.20 │  70.50 │ 16.17 │
            │             Inter Token Latency (ms) │   4.71 │   3.00 │   6.22 │   6.19 │   5.86 │   4.80 │  1.15 │
            │     Output Token Throughput Per User │ 227.86 │ 160.71 │ 333.33 │ 329.86 │ 298.55 │ 208.70 │ 64.26 │
            │                    (tokens/sec/user) │        │        │        │        │        │        │       │
            │      Output Sequence Length (tokens) │   6.75 │   3.00 │  10.00 │   9.94 │   9.40 │   7.00 │  2.59 │
            │       Input Sequence Length (tokens) │ 100.00 │  80.00 │ 120.00 │ 119.40 │ 114.00 │ 100.00 │ 14.14 │
            │ Output Token Throughput (tokens/sec) │ 149.17 │    N/A │    N/A │    N/A │    N/A │    N/A │   N/A │
            │    Request Throughput (requests/sec) │  22.10 │    N/A │    N/A │    N/A │    N/A │    N/A │   N/A │
            │             Request Count (requests) │   4.00 │    N/A │    N/A │    N/A │    N/A │    N/A │   N/A │
            └──────────────────────────────────────┴────────┴────────┴────────┴────────┴────────┴────────┴───────┘
            """;

    static ExportContext context(BenchmarkConfig config, List<MetricResult> results, List<ErrorCount> errors) {
        return new ExportContext(config, TestConfigs.CHAT, results, errors, TvE.T0, TvE.T0, "id", "0.0.0", false);
    }

    static String print(MetricsTableConsoleExporter exporter, ExportContext context) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exporter.export(context, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tvETableMatchesTheOriginalLineForLine() {
        BenchmarkConfig config = TvE.config();
        String output = print(new MetricsTableConsoleExporter(120, MetricsEnvironment.DEFAULTS),
                context(config, TvE.results(config), List.of()));
        assertThat(output).isEqualTo("\n" + TV_E_TABLE);
    }

    @Test
    void goodputRowSitsBetweenThroughputAndCount() {
        BenchmarkConfig config = TestConfigs.builder()
                .goodput(Map.of("time_to_first_token", 50.0, "inter_token_latency", 6.0)).build();
        String output = print(new MetricsTableConsoleExporter(120, MetricsEnvironment.DEFAULTS),
                context(config, TvE.results(config), List.of()));
        assertThat(output).contains("│    Request Throughput (requests/sec) │  22.10 │")
                .contains("│               Goodput (requests/sec) │  11.05 │")
                .doesNotContain("GoodRequestCount");
        assertThat(output.indexOf("Goodput (")).isBetween(output.indexOf("Request Throughput"), output.indexOf("Request Count"));
    }

    @Test
    void aRunWhereEveryRequestFailedPrintsAnEmptyTable() {
        MetricResult errors = MetricResult.scalar("error_request_count", "Error Request Count", "requests",
                Set.of(dev.aiperf.api.record.MetricFlag.ERROR_ONLY), null, 3.0);
        String output = print(new MetricsTableConsoleExporter(120, MetricsEnvironment.DEFAULTS),
                context(TvE.config(), List.of(errors), List.of()));
        assertThat(output.lines().toList()).containsExactly("",
                "            NVIDIA AIPerf | LLM Metrics",
                "┏━━━━━━━━┳━━━━━┳━━━━━┳━━━━━┳━━━━━┳━━━━━┳━━━━━┳━━━━━┓",
                "┃ Metric ┃ avg ┃ min ┃ max ┃ p99 ┃ p90 ┃ p50 ┃ std ┃",
                "└────────┴─────┴─────┴─────┴─────┴─────┴─────┴─────┘");
    }

    @Test
    void noResultsPrintsNothing() {
        assertThat(print(new MetricsTableConsoleExporter(120, MetricsEnvironment.DEFAULTS),
                context(TvE.config(), List.of(), List.of()))).isEmpty();
    }

    @Test
    void tv23CellsFormatWithSeparatorsAndNotApplicable() {
        MetricResult latency = new MetricResult("request_latency", "Request Latency", "ms", Set.of(), 300,
                Map.of(Statistic.AVG, 10.123, Statistic.MAX, 20.0, Statistic.P90, 15.5, Statistic.P50, 12.3,
                        Statistic.STD, 3651.234), 4);
        String table = MetricsTable.render("t", List.of(latency), 120);
        assertThat(table).contains("│ Request Latency (ms) │ 10.12 │ N/A │ 20.00 │ N/A │ 15.50 │ 12.30 │ 3,651.23 │");
    }

    @Test
    void aNarrowConsoleWrapsTheMetricColumn() {
        BenchmarkConfig config = TvE.config();
        String output = print(new MetricsTableConsoleExporter(80, MetricsEnvironment.DEFAULTS),
                context(config, TvE.results(config), List.of()));
        assertThat(output.lines().filter(l -> !l.isEmpty())).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(output).contains("│  Time to First │  45.00 │").contains("│     Token (ms) │        │");
    }

    @Test
    void devModeAddsTheExperimentalTable() {
        MetricsEnvironment devMode = MetricsEnvironment.from(Map.of("AIPERF_DEV_MODE", "1",
                "AIPERF_DEV_SHOW_EXPERIMENTAL_METRICS", "1"));
        MetricResult setup = new MetricResult("stream_setup_latency", "Stream Setup Latency", "ms",
                Set.of(dev.aiperf.api.record.MetricFlag.EXPERIMENTAL), null, Map.of(Statistic.AVG, 20.0), 4);
        String output = print(new MetricsTableConsoleExporter(120, devMode), context(TvE.config(), List.of(setup), List.of()));
        assertThat(output).contains("NVIDIA AIPerf | Experimental Metrics").contains("│ Stream Setup Latency (ms) │ 20.00 │ N/A │");
        assertThat(output.substring(output.indexOf("LLM Metrics"))).doesNotContain("Stream Setup");
    }
}
