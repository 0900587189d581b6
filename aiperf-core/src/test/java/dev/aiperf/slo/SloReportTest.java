package dev.aiperf.slo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.summary.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SloReportTest {
    @TempDir
    Path dir;

    private RunSummary run() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve(RunSummary.SUMMARY_FILE), """
                {"time_to_first_token": {"unit": "ms", "avg": 21.5, "p99": 244.1, "std": 3.0},
                 "request_throughput": {"unit": "requests/sec", "avg": 60.0},
                 "request_count": {"unit": "requests", "avg": 99.0},
                 "error_request_count": {"unit": "requests", "avg": 1.0}}
                """);
        return RunSummary.read(run);
    }

    @Test
    void eachGateHoldsOrBreaksAndAnUnmeasuredOneBreaks() throws IOException {
        SloReport report = SloReport.check(List.of(SloGate.parse("time_to_first_token.p99<200"),
                SloGate.parse("request_throughput>50"), SloGate.parse("error_rate<0.05"),
                SloGate.parse("inter_token_latency.p99<10")), run());

        assertThat(report.verdicts()).extracting(SloVerdict::held).containsExactly(false, true, true, false);
        assertThat(report.brokenCount()).isEqualTo(2);
        assertThat(report.consoleLines()).containsExactly("SLO gates: 2 held, 2 broke",
                "  BROKE time_to_first_token.p99 < 200: 244.10 ms",
                "  BROKE inter_token_latency.p99 < 10: not measured (the run has no metric 'inter_token_latency')",
                "  held  request_throughput.avg > 50: 60.00 requests/sec",
                "  held  error_rate.avg < 0.05: 0.01");
    }

    @Test
    void writesEveryVerdictToTheRunFolder() throws IOException {
        SloReport report = SloReport.check(List.of(SloGate.parse("time_to_first_token.p99<300"),
                SloGate.parse("time_to_first_token.p5<300")), run());
        Path file = report.write(dir);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(file.getFileName()).hasToString("slo_results.json");
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.at("/gates/0/actual").asDouble()).isEqualTo(244.1);
        assertThat(json.at("/gates/0/held").asBoolean()).isTrue();
        assertThat(json.at("/gates/1/actual").isNull()).isTrue();
        assertThat(json.at("/gates/1/note").asText()).isEqualTo("the metric has no p5 statistic");
    }
}
