package dev.aiperf.summary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading run summaries from real files, and the errors a user can cause. */
class RunSummaryTest {
    @TempDir
    Path dir;

    static final String SUMMARY = """
            {
              "schema_version": "1.0",
              "request_throughput": {"unit": "requests/sec", "avg": 40.5},
              "time_to_first_token": {"unit": "ms", "avg": 21.5, "p50": 20.0, "p99": 44.0, "std": 3.0},
              "request_count": {"unit": "requests", "avg": 190.0},
              "error_request_count": {"unit": "requests", "avg": 10.0},
              "input_config": {"endpoint": {"type": "chat"}},
              "error_summary": []
            }
            """;

    static Path writeRun(Path parent, String name, String json) throws IOException {
        Path run = Files.createDirectories(parent.resolve(name));
        Files.writeString(run.resolve(RunSummary.SUMMARY_FILE), json);
        return run;
    }

    @Test
    void readsMetricsFromARunFolderAndSkipsTheRest() throws IOException {
        RunSummary run = RunSummary.read(writeRun(dir, "runA", SUMMARY));
        assertThat(run.name()).isEqualTo("runA");
        assertThat(run.tags()).containsExactly("request_throughput", "time_to_first_token", "request_count",
                "error_request_count", "error_rate");
        assertThat(run.value("time_to_first_token", "p99")).contains(44.0);
        assertThat(run.unit("time_to_first_token")).contains("ms");
        assertThat(run.value("time_to_first_token", "p90")).isEmpty();
        assertThat(run.value("error_rate", "avg")).contains(0.05);
    }

    @Test
    void aSummaryFileCanBeNamedDirectly() throws IOException {
        Path run = writeRun(dir, "b", SUMMARY);
        assertThat(RunSummary.read(run.resolve(RunSummary.SUMMARY_FILE)).name()).isEqualTo("b");
    }

    @Test
    void errorsNameTheFileAndWhatIsWrong() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> RunSummary.read(empty)).hasMessage(empty + " holds no profile_export_aiperf.json"
                + " (is it a run's artifact folder?)");
        Path broken = writeRun(dir, "broken", "{\n  \"a\": [1,\n}");
        assertThatThrownBy(() -> RunSummary.read(broken)).hasMessageStartingWith(
                broken.resolve(RunSummary.SUMMARY_FILE) + ":3:").hasMessageContaining("not valid JSON");
        Path binary = dir.resolve("bin.json");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> RunSummary.read(binary)).hasMessage(binary + " is not UTF-8 text; expected a"
                + " profile_export_aiperf.json");
        Path other = writeRun(dir, "other", "{\"x\": 1}");
        assertThatThrownBy(() -> RunSummary.read(other)).hasMessageContaining("holds no metrics");
    }
}
