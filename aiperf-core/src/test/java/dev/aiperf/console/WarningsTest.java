package dev.aiperf.console;

import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.metrics.MetricsEnvironment;
import dev.aiperf.metrics.TvE;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The warning panels after the metrics table (metrics spec §6). */
class WarningsTest {

    private static MetricResult scalar(String tag, double value) {
        return MetricResult.scalar(tag, tag, "requests", Set.of(MetricFlag.NO_CONSOLE), null, value);
    }

    private static ExportContext context(List<MetricResult> results) {
        return MetricsTableConsoleExporterTest.context(TvE.config(), results, List.of());
    }

    @Test
    void oslMismatchPanelReportsShareThresholdAndAverage() {
        MetricResult diff = new MetricResult("osl_mismatch_diff_pct", "OSL Mismatch Diff %", "%", Set.of(MetricFlag.NO_CONSOLE),
                null, java.util.Map.of(dev.aiperf.api.record.Statistic.AVG, -23.456), 4);
        var panel = Warnings.oslMismatch(context(List.of(scalar("osl_mismatch_count", 3), scalar("request_count", 4), diff)),
                MetricsEnvironment.DEFAULTS).orElseThrow();
        assertThat(panel.title()).isEqualTo("Output Sequence Length Mismatch Warning");
        assertThat(panel.body()).startsWith("3 of 4 requests (75.0%) have output length differing from requested by "
                + "more than the threshold.\nThreshold (tokens): min(requested × 5%, 50)\nAverage mismatch: -23.5%\n");
        assertThat(panel.body()).contains("AIPERF_METRICS_OSL_MISMATCH_PCT_THRESHOLD=5")
                .contains("--extra-inputs ignore_eos:true");
    }

    @Test
    void panelsNeedBothTheirCountAndValidRequests() {
        MetricsEnvironment env = MetricsEnvironment.DEFAULTS;
        assertThat(Warnings.oslMismatch(context(List.of(scalar("osl_mismatch_count", 0), scalar("request_count", 4))), env)).isEmpty();
        assertThat(Warnings.oslMismatch(context(List.of(scalar("osl_mismatch_count", 2))), env)).isEmpty();
        assertThat(Warnings.usageDiscrepancy(context(List.of(scalar("request_count", 4))), env)).isEmpty();
    }

    @Test
    void usageDiscrepancyPanelIsPrintedAfterTheTable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new MetricsTableConsoleExporter(120, MetricsEnvironment.DEFAULTS).export(
                context(List.of(scalar("usage_discrepancy_count", 15), scalar("request_count", 100))),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("15 of 100 requests (15.0%) show a difference exceeding 10% between:");
        assertThat(output.indexOf("Token Count Discrepancy Warning")).isGreaterThan(output.indexOf("LLM Metrics"));
        List<String> panel = output.lines().dropWhile(l -> !l.startsWith("╭")).toList();
        assertThat(panel.getFirst()).matches("╭─+ Token Count Discrepancy Warning ─+╮");
        assertThat(panel.getLast()).matches("╰─+╯");
        assertThat(panel).allSatisfy(line -> assertThat(line.length()).isEqualTo(panel.getFirst().length()));
        assertThat(panel.get(1)).startsWith("│  15 of 100 requests");
    }
}
