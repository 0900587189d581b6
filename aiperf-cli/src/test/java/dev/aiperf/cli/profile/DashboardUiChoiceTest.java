package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --ui dashboard} without a terminal (as in CI): the run goes on with progress lines. */
class DashboardUiChoiceTest {
    @TempDir
    Path dir;

    @Test
    void withoutATerminalTheDashboardFallsBackToProgressLines() {
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "1", "--mock-itl", "0.1", "--streaming",
                "--request-count", "12", "--concurrency", "2", "--isl", "8", "--osl", "4", "--ui", "dashboard",
                "--artifact-dir", dir.resolve("run").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("the dashboard needs an interactive terminal; printing progress lines instead")
                .contains("aiperf: profiling started, 12 requests").contains("(done)");
        assertThat(run.out()).contains("NVIDIA AIPerf | LLM Metrics");
    }
}
