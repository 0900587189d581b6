package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the run cannot use is a usage error (exit 2) found before anything is written: a URL that is
 * not one, a port out of range, an artifact path that is an existing file.
 */
class ArtifactValidationTest {
    @TempDir
    Path dir;

    private CliRun profile(String url, Path artifacts) {
        return CliRun.of("profile", "-m", "m", "--url", url, "--request-count", "2", "--ui", "none",
                "--artifact-dir", artifacts.toString());
    }

    @Test
    void somethingThatIsNotAUrlIsAUsageError() {
        Path artifacts = dir.resolve("a");
        CliRun run = profile("not a url", artifacts);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--url 'not a url' is not a valid URL").contains("e.g. localhost:8000");
        assertThat(artifacts).doesNotExist();
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        Path artifacts = dir.resolve("a");
        for (String url : new String[] {"localhost:70000", "http://127.0.0.1:99999999999/v1", "localhost:0"}) {
            CliRun run = profile(url, artifacts);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("out of range: ports are 1 to 65535");
        }
        assertThat(artifacts).doesNotExist();
    }

    @Test
    void anArtifactPathThatIsAFileSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CliRun run = profile("localhost:8000", file);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--artifact-dir " + file + " is an existing file");

        CliRun below = profile("localhost:8000", file.resolve("sub"));
        assertThat(below.exitCode()).as(below.toString()).isEqualTo(2);
        assertThat(below.err()).contains("which is an existing file");
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
