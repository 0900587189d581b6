package dev.aiperf.cli.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code aiperf profile} process started under a low open-file limit ({@code ulimit -n}, soft
 * and hard): a concurrency that cannot fit fails before the first request with a message naming the
 * limit and how to raise it; one that fits runs.
 */
@EnabledOnOs(OS.LINUX)
class OpenFileLimitTest {
    @TempDir
    Path dir;

    private Process profile(int concurrency, Path artifacts) throws Exception {
        return profile(concurrency, 400, artifacts);
    }

    private Process profile(int concurrency, int openFileLimit, Path artifacts) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = "ulimit -n " + openFileLimit + " && exec '" + java + "' -Xmx128m -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' dev.aiperf.cli.AiperfCommand profile --mock"
                + " --mock-ttft 1 --mock-itl 0 --request-count " + concurrency + " --concurrency " + concurrency
                + " --isl 8 --osl 2 --ui none --artifact-dir '" + artifacts + "'";
        return new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    }

    @Test
    void aConcurrencyOverTheLimitFailsBeforeTheFirstRequestAndSaysHowToRaiseIt() throws Exception {
        Path artifacts = dir.resolve("over");
        Process process = profile(1000, artifacts);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("concurrency 1,000 needs about").contains("open-file limit of this process is 400")
                .contains("the hard limit is 400").contains("ulimit -n").contains("or lower --concurrency")
                .doesNotContain("Exception");
        assertThat(artifacts.resolve("profile_export.jsonl")).doesNotExist();
    }

    @Test
    void aConcurrencyThatFitsRuns() throws Exception {
        Path artifacts = dir.resolve("fits");
        // The process's own share grows with the test class path (one open jar per dependency; the distribution is
        // one jar), so the limit leaves room for it above the 2 files per connection.
        Process process = profile(100, 480, artifacts);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(artifacts.resolve("profile_export.jsonl")).isNotEmptyFile();
    }
}
