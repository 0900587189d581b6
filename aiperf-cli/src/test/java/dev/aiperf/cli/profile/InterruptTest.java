package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Interrupting a real {@code aiperf profile} process (SIGINT as from Ctrl-C, SIGTERM as from
 * {@code kill} or {@code Process.destroy()}): it stops, cancels what is in flight, and still writes
 * every completed record and a summary of what it measured.
 */
@DisabledOnOs(OS.WINDOWS)
class InterruptTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private MockServer server;

    @BeforeEach
    void startServer() {
        // ~100 ms per request: a 60 s benchmark that the test cuts short after a few dozen records.
        server = MockServer.start(MockServerConfig.builder().port(0).ttftMs(5).itlMs(5).build());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Process startProfile(Path artifacts, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.aiperf.cli.AiperfCommand", "profile", "-m", "m", "--url", server.baseUrl(), "--streaming",
                "--concurrency", "4", "--benchmark-duration", "60", "--isl", "16", "--osl", "20", "--extra-inputs",
                "ignore_eos:true", "--ui", "simple", "--artifact-dir", artifacts.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitRecords(Path records, int atLeast, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(records) && Files.readAllLines(records).size() >= atLeast) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the benchmark wrote fewer than " + atLeast + " records in time");
    }

    private void assertExportedWhatItMeasured(Path artifacts, Path log, int exit, int expectedExit) throws IOException {
        String output = Files.readString(log);
        assertThat(exit).as(output).isEqualTo(expectedExit);
        assertThat(output).contains("interrupted").contains("NVIDIA AIPerf | LLM Metrics").contains("cancelled");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(artifacts.resolve("profile_export.jsonl"))) {
            lines.add(JSON.readTree(line));
        }
        JsonNode summary = JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile());
        long completed = lines.stream().filter(l -> !l.has("error")).count();
        List<JsonNode> cancelled = lines.stream().filter(l -> l.at("/metadata/was_cancelled").asBoolean()).toList();
        assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(completed);
        assertThat(completed).isGreaterThanOrEqualTo(8);
        // the requests in flight at the signal (up to the concurrency, 4) have their line too: every request sent is accounted for
        assertThat(cancelled).hasSizeBetween(1, 4).allSatisfy(l -> {
            assertThat(l.at("/error/code").asInt()).isEqualTo(499);
            assertThat(l.at("/error/message").asText()).isEqualTo("Request cancelled: the run was interrupted");
            assertThat(l.at("/metadata/cancellation_time_ns").asLong()).isPositive();
        });
        assertThat(completed + cancelled.size()).isEqualTo(lines.size());
        assertThat(summary.at("/error_request_count/avg").asDouble()).isEqualTo(cancelled.size());
    }

    /**
     * Whether this JVM ignores SIGINT, as every process started in the background by a non-interactive shell does
     * (POSIX); the child inherits that and the JVM then installs no handler, so Ctrl-C cannot be tested here.
     */
    private static boolean sigintIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    @Test
    void sigintExportsTheCompletedRecords() throws Exception {
        assumeFalse(sigintIgnoredHere(), "SIGINT is ignored in this process (started in the background by a"
                + " non-interactive shell), and a child process inherits that");
        Path artifacts = dir.resolve("int");
        Path log = dir.resolve("int.log");
        Process process = startProfile(artifacts, log);
        awaitRecords(artifacts.resolve("profile_export.jsonl"), 8, process);
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertExportedWhatItMeasured(artifacts, log, process.exitValue(), 130);
    }

    @Test
    void sigtermExportsTheCompletedRecords() throws Exception {
        Path artifacts = dir.resolve("term");
        Path log = dir.resolve("term.log");
        Process process = startProfile(artifacts, log);
        awaitRecords(artifacts.resolve("profile_export.jsonl"), 8, process);
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertExportedWhatItMeasured(artifacts, log, process.exitValue(), 143);
    }
}
