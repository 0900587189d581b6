package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --show-trace-timing} end to end against the embedded mock server over loopback. */
class ProfileTraceTimingTest {
    @TempDir
    Path dir;

    private CliRun profile(String name, String... extra) {
        String[] base = {"profile", "--mock", "--mock-ttft", "2", "--mock-itl", "0.2", "--streaming", "--concurrency",
                "2", "--request-count", "8", "--isl", "16", "--osl", "4", "--ui", "none", "--no-server-metrics",
                "--no-html-report", "--artifact-dir", dir.resolve(name).toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void theHttpTraceTimingTablePrintsBeforeTheMetricsTableOnlyWhenAskedFor() {
        CliRun shown = profile("shown", "--show-trace-timing");

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        String out = shown.out();
        int table = out.indexOf("NVIDIA AIPerf | HTTP Trace Timing");
        assertThat(table).as(out).isPositive();
        assertThat(table).isLessThan(out.indexOf("NVIDIA AIPerf | LLM Metrics"));
        String timing = out.substring(table, out.indexOf("NVIDIA AIPerf | LLM Metrics"));
        // the original's table layout: the seven statistics, then one row per http_req_* metric in display order
        assertThat(timing).containsPattern("┃ +Metric ┃ +avg ┃ +min ┃ +max ┃ +p99 ┃ +p90 ┃ +p50 ┃ +std ┃");
        String[] rows = {"HTTP Blocked (ms)", "HTTP DNS Lookup (ms)", "HTTP Connecting (ms)", "HTTP TLS Handshaking (ms)",
                "HTTP Sending (ms)", "HTTP Waiting (TTFB) (ms)", "HTTP Receiving (ms)", "HTTP Data Sent (KB)",
                "HTTP Data Received (KB)", "HTTP Duration (excl. conn) (ms)", "HTTP Total Time (ms)"};
        int previous = -1;
        for (String row : rows) {
            int at = timing.indexOf(row);
            assertThat(at).as(row + " in\n" + timing).isGreaterThan(previous);
            previous = at;
        }
        // the statistics are real figures, in ms
        String waiting = timing.lines().filter(l -> l.contains("HTTP Waiting (TTFB) (ms)")).findFirst().orElseThrow();
        double avg = Double.parseDouble(waiting.split("│")[2].trim().replace(",", ""));
        assertThat(avg).as(waiting).isPositive();
        // the main table stays as it was: no http_req_* row
        assertThat(out.substring(out.indexOf("NVIDIA AIPerf | LLM Metrics"))).doesNotContain("HTTP Waiting");

        CliRun plain = profile("plain");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("NVIDIA AIPerf | LLM Metrics").doesNotContain("HTTP Trace Timing");
    }
}
