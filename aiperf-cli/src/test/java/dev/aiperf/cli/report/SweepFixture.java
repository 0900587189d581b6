package dev.aiperf.cli.report;

import dev.aiperf.cli.CliRun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real runs for the plot and report tests: {@code aiperf profile --mock} at a few concurrencies into
 * {@code root/concurrency<N>}, small enough to take about a second each.
 */
final class SweepFixture {
    /** A credential the runs are given, which no report may contain. */
    static final String API_KEY = "sk-report-test-secret-0123456789";

    private SweepFixture() {
    }

    static List<Path> run(Path root, int... concurrencies) {
        List<Path> dirs = new ArrayList<>();
        for (int concurrency : concurrencies) {
            Path dir = root.resolve("concurrency" + concurrency);
            CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "3", "--mock-itl", "0.5", "--streaming",
                    "--concurrency", String.valueOf(concurrency), "--request-count", String.valueOf(12 * concurrency),
                    "--isl", "32", "--osl", "16", "--extra-inputs", "ignore_eos:true", "--random-seed", "5",
                    "--api-key", API_KEY, "--ui", "none", "--artifact-dir", dir.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            dirs.add(dir);
        }
        return dirs;
    }
}
