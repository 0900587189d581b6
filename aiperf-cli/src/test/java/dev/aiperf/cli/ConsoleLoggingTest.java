package dev.aiperf.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLoggingTest {
    private static final System.Logger LOG = System.getLogger("dev.aiperf.plugin.PluginRegistry");

    @TempDir
    Path dir;

    @AfterEach
    void restoreTheJdkDefaults() throws IOException {
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void aWarningIsOneLineWithoutTimestamp() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConsoleLogging.install(err, false);

        LOG.log(System.Logger.Level.ERROR, "/p/broken.jar: cannot read plugin jar; plugin skipped");
        LOG.log(System.Logger.Level.WARNING, "A prompt of {0} tokens is longer than the corpus", 9000);
        LOG.log(System.Logger.Level.INFO, "not shown");
        LOG.log(System.Logger.Level.DEBUG, "not shown either");

        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "aiperf: warning: /p/broken.jar: cannot read plugin jar; plugin skipped",
                "aiperf: warning: A prompt of 9,000 tokens is longer than the corpus");
    }

    @Test
    void theCauseOfAWarningEndsItsLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConsoleLogging.install(err, false);

        LOG.log(System.Logger.Level.WARNING, "Skipping ttft", new IllegalStateException("no streaming"));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("aiperf: warning: Skipping ttft: no streaming"
                + System.lineSeparator());
    }

    @Test
    void verboseAddsDebugRecordsTheirSourceAndStackTraces() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConsoleLogging.install(err, true);

        LOG.log(System.Logger.Level.WARNING, "Skipping ttft", new IllegalStateException("no streaming"));
        LOG.log(System.Logger.Level.DEBUG, "ignoring unknown metric x");
        System.getLogger("io.netty.Other").log(System.Logger.Level.DEBUG, "library debug stays hidden");

        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("aiperf: warning: Skipping ttft [WARNING dev.aiperf.plugin.PluginRegistry]")
                .contains("java.lang.IllegalStateException: no streaming", "\tat ")
                .contains("aiperf: debug: ignoring unknown metric x [FINE dev.aiperf.plugin.PluginRegistry]")
                .doesNotContain("library debug");
    }

    /** The real program: a broken plugin jar gives one clean warning line, not the JDK's two. */
    @Test
    void theProgramReportsABrokenPluginJarOnOneLine() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(plugins.resolve("broken.jar"), "not a zip");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AiperfCommand.class.getName(),
                "demo", "--ui", "none", "--request-count", "2", "--concurrency", "1", "--mock-ttft", "0",
                "--mock-itl", "0", "--osl", "4", "--artifact-dir", dir.resolve("artifacts").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("AIPERF_PLUGINS_DIR", plugins.toString());
        Process process = builder.start();
        try {
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(err).isZero();
            assertThat(err.lines().filter(line -> line.contains("broken.jar")))
                    .containsExactly("aiperf: warning: " + plugins.resolve("broken.jar")
                            + ": cannot read plugin jar: zip END header not found; plugin skipped");
            assertThat(err).doesNotContain("SEVERE", "RegistryContents");
        } finally {
            process.destroyForcibly();
        }
    }
}
