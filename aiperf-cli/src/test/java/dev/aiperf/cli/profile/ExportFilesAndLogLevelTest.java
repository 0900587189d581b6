package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --profile-export-prefix}, {@code --export-outputs-json}, {@code --log-level} and {@code -vv} end to end
 * against the real mock over loopback.
 */
class ExportFilesAndLogLevelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MockServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(2).itlMs(1).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private CliRun profile(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("profile", "-m", "mock-model", "--url", server.baseUrl(),
                "--streaming", "--isl", "16", "--osl", "4", "--extra-inputs", "ignore_eos:true", "--tokenizer",
                "cl100k_base", "--ui", "none", "--no-gpu-telemetry", "--artifact-dir", dir.resolve(name).toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPrefixNamesEveryExportFile() throws IOException {
        CliRun run = profile("prefixed", "--request-count", "8", "--concurrency", "2", "--export-level", "raw",
                "--slice-duration", "0.02", "--server-metrics-formats", "json", "csv", "jsonl",
                "--profile-export-prefix", "run1.json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path folder = dir.resolve("prefixed");
        assertThat(files(folder)).contains("run1.json", "run1.csv", "run1.jsonl", "run1_raw.jsonl",
                "run1_timeslices.json", "run1_timeslices.csv", "run1_server_metrics.json", "run1_server_metrics.csv",
                "run1_server_metrics.jsonl", "run1_outputs.json", "report.html", "inputs.json");
        assertThat(files(folder)).noneMatch(f -> f.startsWith("profile_export") || f.startsWith("server_metrics_export")
                || f.equals("outputs.json"));
        assertThat(Files.readAllLines(folder.resolve("run1.jsonl"))).hasSize(8);
        assertThat(JSON.readTree(folder.resolve("run1.json").toFile()).at("/request_count/avg").asLong()).isEqualTo(8);
        assertThat(run.out()).contains("run1.json");
    }

    @Test
    void outputsJsonHoldsEachRequestsTextAndMetricsSortedWithTheWarmupApart() throws IOException {
        CliRun run = profile("outputs", "--warmup-request-count", "2", "--request-count", "4",
                "--export-outputs-json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode outputs = JSON.readTree(dir.resolve("outputs/outputs.json").toFile());
        assertThat(outputs.get("schema_version").asText()).isEqualTo("1.1");
        assertThat(outputs.get("data")).hasSize(4);
        assertThat(outputs.get("warmup")).hasSize(2);
        List<Long> sessions = new ArrayList<>();
        for (JsonNode entry : outputs.get("data")) {
            sessions.add(entry.get("session_num").asLong());
            assertThat(entry.get("benchmark_phase").asText()).isEqualTo("profiling");
            assertThat(entry.get("response_text").asText()).isNotBlank();
            assertThat(entry.at("/metrics/time_to_first_token/unit").asText()).isEqualTo("ms");
            assertThat(entry.at("/metrics/output_sequence_length/value").asLong()).isPositive();
            assertThat(entry.at("/metrics/output_sequence_length/unit").asText()).isEqualTo("tokens");
            assertThat(entry.get("request_end_ns").asLong()).isGreaterThan(entry.get("request_start_ns").asLong());
        }
        assertThat(sessions).isSorted();
        assertThat(outputs.at("/warmup/0/benchmark_phase").asText()).isEqualTo("warmup");
        CliRun without = profile("no-outputs", "--request-count", "2");
        assertThat(without.exitCode()).isZero();
        assertThat(dir.resolve("no-outputs/outputs.json")).doesNotExist();
    }

    @Test
    void theLogLevelDecidesWhichLinesTheRunsLogKeeps() throws IOException {
        CliRun quiet = profile("quiet", "--request-count", "2", "--log-level", "warning", "--reset-kv-cache",
                "--reset-kv-cache-path", "/nope");
        CliRun debug = profile("debug", "--request-count", "2", "--log-level", "DEBUG");
        CliRun trace = profile("trace", "--request-count", "2", "-vv");

        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        String quietLog = Files.readString(dir.resolve("quiet/logs/aiperf.log"));
        assertThat(quietLog).contains("WARNING --reset-kv-cache: POST").doesNotContain(" INFO ", " DEBUG ");
        assertThat(debug.exitCode()).as(debug.toString()).isZero();
        String debugLog = Files.readString(dir.resolve("debug/logs/aiperf.log"));
        assertThat(debugLog).contains("INFO    phase profiling started", "DEBUG   endpoint: chat (streaming) at "
                + server.baseUrl(), "DEBUG   phase profiling load: ", "DEBUG   plugin endpoint 'chat': ");
        assertThat(Files.readString(dir.resolve("trace/logs/aiperf.log"))).contains("DEBUG   plugin transport");
        assertThat(Files.readString(dir.resolve("trace/logs/aiperf.log"))).contains("INFO    phase profiling started");
    }

    @Test
    void badValuesAreUsageErrors() {
        CliRun run = CliRun.of("profile", "-m", "m", "--log-level", "LOUD", "--profile-export-prefix", "a/b",
                "--ui", "none");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--log-level must be one of TRACE, DEBUG, INFO, NOTICE, WARNING, SUCCESS,"
                        + " ERROR, CRITICAL, got 'LOUD'",
                "--profile-export-prefix must be a file name without a folder (e.g. run1), got 'a/b'");
    }
    @Test
    void statsBlocksComeEveryIntervalDuringProfilingAndZeroTurnsThemOff() {
        CliRun every = profile("stats", "--request-count", "150", "--stats-interval", "0.2");
        CliRun off = profile("no-stats", "--request-count", "60", "--stats-interval", "0");

        assertThat(every.exitCode()).as(every.toString()).isZero();
        assertThat(every.err()).contains("aiperf: stats after ", " s of profiling: ", " requests completed, 0 failed",
                "  time_to_first_token (ms): p50 ");
        assertThat(off.exitCode()).as(off.toString()).isZero();
        assertThat(off.err()).doesNotContain("stats after");
    }
}
