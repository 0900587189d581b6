package dev.aiperf.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.console.ComparisonTable;
import dev.aiperf.summary.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunComparisonTest {
    @TempDir
    Path dir;

    private RunSummary run(String name, double ttftAvg, double ttftStd, double throughput) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        Files.writeString(run.resolve(RunSummary.SUMMARY_FILE), String.format(java.util.Locale.ROOT, """
                {"request_throughput": {"unit": "requests/sec", "avg": %s},
                 "time_to_first_token": {"unit": "ms", "avg": %s, "p50": %s, "p99": 50.0, "std": %s}}
                """, throughput, ttftAvg, ttftAvg, ttftStd));
        return RunSummary.read(run);
    }

    @Test
    void deltasArePerRunAgainstTheBaselineAndMarkedBeyondTheSpread() throws IOException {
        RunComparison comparison = RunComparison.of(List.of(run("a", 20, 2, 40), run("b", 30, 3, 50),
                run("c", 21, 2, 40)), RunComparison.DEFAULT_STATISTICS, Set.of());

        assertThat(comparison.statistics()).extracting(s -> s.metric() + "." + s.statistic()).containsExactly(
                "request_throughput.avg", "time_to_first_token.avg", "time_to_first_token.p50",
                "time_to_first_token.p99");
        ComparedStatistic avg = comparison.statistics().get(1);
        assertThat(avg.values()).containsExactly(20.0, 30.0, 21.0);
        assertThat(avg.deltas()).containsExactly(null, 10.0, 1.0);
        assertThat(avg.percentChanges().get(1)).isCloseTo(50.0, within(1e-9));
        // b moved 10 ms against a spread of 3 ms; c moved 1 ms within 2 ms
        assertThat(avg.beyondSpread()).containsExactly(null, true, false);
        // scalars have no spread: never marked
        assertThat(comparison.statistics().get(0).beyondSpread()).containsExactly(null, null, null);
    }

    @Test
    void aMetricFilterAndAMetricOnlyOneRunHas() throws IOException {
        Path extra = Files.createDirectories(dir.resolve("x"));
        Files.writeString(extra.resolve(RunSummary.SUMMARY_FILE),
                "{\"request_throughput\": {\"unit\": \"requests/sec\", \"avg\": 0.0},"
                        + " \"new_metric\": {\"unit\": \"ms\", \"avg\": 3.0}}");
        RunComparison comparison = RunComparison.of(List.of(RunSummary.read(extra), run("y", 1, 1, 5)),
                List.of("avg"), Set.of("request_throughput", "new_metric"));
        assertThat(comparison.statistics()).hasSize(2);
        // a zero baseline has a delta but no percentage
        assertThat(comparison.statistics().get(0).deltas()).containsExactly(null, 5.0);
        assertThat(comparison.statistics().get(0).percentChanges()).containsExactly(null, null);
        assertThat(comparison.statistics().get(1).values()).containsExactly(3.0, null);
    }

    @Test
    void tableAndJsonShowTheSameComparison() throws IOException {
        RunComparison comparison = RunComparison.of(List.of(run("base", 20, 2, 40), run("new", 30, 3, 50)),
                List.of("avg"), Set.of("time_to_first_token"));
        String table = ComparisonTable.render(comparison, 120);
        assertThat(table).contains("base (base)", "new", "Δ%")
                .containsPattern("time_to_first_token \\(ms\\) │ avg\\s+│\\s+20\\.00 │\\s+30\\.00 │\\s+\\+10\\.00 │ \\+50\\.0% \\* │")
                .contains("* the change is larger than the runs' own spread");
        JsonNode json = new ObjectMapper().readTree(ComparisonJson.of(comparison));
        assertThat(json.get("baseline").asText()).isEqualTo("base");
        assertThat(json.at("/statistics/0/pct_changes/1").asDouble()).isEqualTo(50.0);
        assertThat(json.at("/statistics/0/pct_changes/0").isNull()).isTrue();
        assertThat(json.at("/statistics/0/beyond_spread/1").asBoolean()).isTrue();
    }
}
