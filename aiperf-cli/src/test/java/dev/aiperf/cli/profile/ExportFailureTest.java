package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A summary file that cannot be written (here: its temporary file is blocked by a folder of that
 * name, as a full disk or a read-only folder would block it) is named in the error with its cause;
 * the metrics table is still printed from memory, the other files are written, nothing truncated is
 * left under the summary's name, and the exit code is 1.
 */
class ExportFailureTest {
    @TempDir
    Path dir;

    @Test
    void anUnwritableSummaryIsNamedTheTableStillPrintsAndTheRunFails() throws IOException {
        Path artifacts = dir.resolve("run");
        Files.createDirectories(artifacts.resolve(".profile_export_aiperf.json.tmp").resolve("blocker"));
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "1", "--mock-itl", "0.2", "--streaming",
                "--request-count", "6", "--concurrency", "2", "--isl", "16", "--osl", "4", "--ui", "none",
                "--artifact-dir", artifacts.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("NVIDIA AIPerf | LLM Metrics").contains("Time to First Token");
        assertThat(run.err()).contains("cannot write " + artifacts.toAbsolutePath().resolve("profile_export_aiperf.json"))
                .containsIgnoringCase("directory");
        assertThat(artifacts.resolve("profile_export_aiperf.json")).doesNotExist();
        assertThat(artifacts.resolve("profile_export_aiperf.csv")).isNotEmptyFile();
        assertThat(Files.readAllLines(artifacts.resolve("profile_export.jsonl"))).hasSize(6);
    }
}
