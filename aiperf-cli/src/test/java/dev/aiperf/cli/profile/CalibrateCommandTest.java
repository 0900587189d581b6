package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf calibrate} against the real mock server, in this JVM and over loopback. */
class CalibrateCommandTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\s+(\\d+)\\s+([\\d.]+) / ([\\d.]+) / ([\\d.]+)\\s+([\\d.]+) / ([\\d.]+) / ([\\d.]+)\\s+"
                    + "(-?[\\d.]+) / (-?[\\d.]+) / (-?[\\d.]+)\\s+([\\d.]+)\\s+.*(yes|no: .+)$");

    @Test
    void printsTheClientsErrorAndTheMocksTimingPerConcurrency() {
        CliRun run = CliRun.of("calibrate", "--concurrency", "1,3", "--request-count", "6", "--osl", "4",
                "--ttft", "5", "--itl", "2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Calibrating against the mock at http://127.0.0.1:")
                .contains("TTFT 5 ms, ITL 2 ms, 4 tokens");
        List<Matcher> rows = run.out().lines().map(ROW::matcher).filter(Matcher::matches).toList();
        assertThat(rows).extracting(m -> m.group(1)).containsExactly("1", "3");
        for (Matcher row : rows) {
            double chunkP50 = Double.parseDouble(row.group(2));
            double chunkMax = Double.parseDouble(row.group(4));
            assertThat(chunkP50).as("an event is seen after it was sent").isGreaterThanOrEqualTo(0)
                    .isLessThanOrEqualTo(chunkMax);
            assertThat(Double.parseDouble(row.group(8))).as("the mock never sends the first token early")
                    .isGreaterThanOrEqualTo(0);
            assertThat(Double.parseDouble(row.group(11))).as("the mock's ITL between its send stamps")
                    .isGreaterThanOrEqualTo(2.0);
        }
    }

    @Test
    void calibratesAMockRunningApartGivenByUrl() {
        try (MockServer mock = MockServer.start(MockServerConfig.builder().port(0).ttftMs(3).itlMs(1).build())) {
            CliRun run = CliRun.of("calibrate", "--url", mock.baseUrl(), "--concurrency", "2", "--request-count", "4",
                    "--osl", "3", "--ttft", "3", "--itl", "1");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Calibrating against the mock at " + mock.baseUrl() + " (TTFT 3 ms");
            assertThat(run.out().lines().filter(l -> ROW.matcher(l).matches())).hasSize(1);
        }
    }

    @Test
    void aConcurrencyBelowOneIsAUsageError() {
        CliRun run = CliRun.of("calibrate", "--concurrency", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--concurrency takes positive whole numbers");
    }
}
