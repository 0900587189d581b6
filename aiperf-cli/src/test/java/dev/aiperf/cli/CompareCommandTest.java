package dev.aiperf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf compare} on two real runs against the mock server over loopback. */
class CompareCommandTest {
    @TempDir
    static Path dir;

    static Path fast;
    static Path slow;

    @BeforeAll
    static void twoRuns() {
        fast = run("fast", "0");
        slow = run("slow", "80");
    }

    private static Path run(String name, String ttftMs) {
        Path artifacts = dir.resolve(name);
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", ttftMs, "--mock-itl", "0.1", "--streaming",
                "--concurrency", "2", "--request-count", "20", "--isl", "16", "--osl", "4", "--ui", "none",
                "--artifact-dir", artifacts.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return artifacts;
    }

    @Test
    void showsEachStatisticSideBySideWithDeltas() {
        CliRun run = CliRun.of("compare", fast.toString(), slow.toString(), "--metric", "time_to_first_token");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("fast (base)", "slow", "time_to_first_token (ms)", "p99", "Δ%");
        // values and signs depend on the machine's load; which rows and columns appear does not
        assertThat(run.out()).containsPattern("│ avg  │ +[0-9,]+\\.[0-9]{2} │ +[0-9,]+\\.[0-9]{2} │ +[-+][0-9,]+\\.[0-9]{2} │ +[-+][0-9.]+%");
    }

    @Test
    void jsonForScripts() throws java.io.IOException {
        CliRun run = CliRun.of("compare", fast.toString(), slow.resolve("profile_export_aiperf.json").toString(),
                "--json", "--stat", "avg,p99");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.at("/runs/1/name").asText()).isEqualTo("slow");
        JsonNode ttft = null;
        for (JsonNode s : json.get("statistics")) {
            if (s.get("metric").asText().equals("time_to_first_token") && s.get("stat").asText().equals("avg")) {
                ttft = s;
            }
        }
        assertThat(ttft).isNotNull();
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        double fastAvg = mapper.readTree(fast.resolve("profile_export_aiperf.json").toFile())
                .at("/time_to_first_token/avg").asDouble();
        double slowAvg = mapper.readTree(slow.resolve("profile_export_aiperf.json").toFile())
                .at("/time_to_first_token/avg").asDouble();
        assertThat(ttft.at("/values/0").asDouble()).isEqualTo(fastAvg);
        assertThat(ttft.at("/deltas/1").asDouble()).isCloseTo(slowAvg - fastAvg, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ttft.at("/deltas/0").isNull()).isTrue();
        assertThat(ttft.at("/beyond_spread/1").isBoolean()).isTrue();
    }

    @Test
    void usageErrorsAreOneLineEach() {
        CliRun one = CliRun.of("compare", fast.toString());
        assertThat(one.exitCode()).isEqualTo(2);
        CliRun missing = CliRun.of("compare", fast.toString(), dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope does not exist");
        CliRun stat = CliRun.of("compare", fast.toString(), slow.toString(), "--stat", "p42");
        assertThat(stat.exitCode()).isEqualTo(2);
        assertThat(stat.err()).contains("--stat: unknown statistic 'p42'");
        CliRun metric = CliRun.of("compare", fast.toString(), slow.toString(), "--metric", "nope");
        assertThat(metric.err()).contains("no run has the metric 'nope'");
    }
}
