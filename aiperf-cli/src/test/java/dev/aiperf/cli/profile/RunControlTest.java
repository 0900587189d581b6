package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.mock.RequestCapture;
import dev.aiperf.mock.RequestCapture.CapturedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --failed-request-threshold}, {@code --reset-kv-cache*} and {@code --server-profiler*} end to end: the
 * real mock over loopback, which counts the control calls it got and keeps the requests in arrival order.
 */
class RunControlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static MockServer mock(double errorRatePercent) {
        return MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(1).itlMs(0.2)
                .errorRatePercent(errorRatePercent).randomSeed(7L).build());
    }

    private CliRun profile(MockServer server, String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("profile", "-m", "mock-model", "--url", server.baseUrl(),
                "--streaming", "--isl", "16", "--osl", "4", "--tokenizer", "cl100k_base", "--ui", "none",
                "--no-server-metrics", "--no-gpu-telemetry", "--artifact-dir", dir.resolve(name).toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void tooManyFailuresStopTheRunEarlyWithExitOneAndStillWriteTheExports() throws IOException {
        try (MockServer server = mock(100)) {
            CliRun run = profile(server, "failing", "--concurrency", "1", "--request-count", "5000",
                    "--failed-request-threshold", "0.5");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            // Armed after max(concurrency 1, 10) = 10 records: the 10th failure trips it.
            assertThat(run.err()).contains("aiperf: error: 10 of 10 profiling requests failed (100.0 %), more than"
                    + " --failed-request-threshold 0.5 allows: the run stopped early; what it measured is written");
            JsonNode summary = JSON.readTree(dir.resolve("failing/profile_export_aiperf.json").toFile());
            // The guard counts records as the records thread commits them, which may lag the sends on a busy
            // machine: more than 10 may have gone out, but far from all of them.
            assertThat(summary.at("/error_request_count/avg").asLong()).isBetween(10L, 4999L);
            assertThat(summary.get("was_cancelled").asBoolean()).isTrue();
            assertThat(Files.readString(dir.resolve("failing/logs/aiperf.log")))
                    .contains("ERROR   10 of 10 profiling requests failed");
        }
    }

    @Test
    void theThresholdIsArmedOnlyAfterAsManyRecordsAsTheConcurrency() {
        try (MockServer server = mock(100)) {
            CliRun run = profile(server, "armed", "--concurrency", "12", "--request-count", "200",
                    "--failed-request-threshold", "0.9");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).contains("aiperf: error: 12 of 12 profiling requests failed (100.0 %)");
        }
    }

    @Test
    void aRunUnderTheThresholdEndsNormally() throws IOException {
        try (MockServer server = mock(0)) {
            CliRun run = profile(server, "fine", "--request-count", "12", "--failed-request-threshold", "0.01");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).doesNotContain("--failed-request-threshold");
            JsonNode summary = JSON.readTree(dir.resolve("fine/profile_export_aiperf.json").toFile());
            assertThat(summary.at("/request_count/avg").asLong()).isEqualTo(12);
        }
    }

    @Test
    void theCacheResetAndTheProfilerStartComeAfterTheWarmupAndTheStopAfterTheLastRequest() {
        try (MockServer server = mock(0)) {
            RequestCapture capture = server.captureRequests(100);
            CliRun run = profile(server, "control", "--warmup-request-count", "2", "--request-count", "4",
                    "--reset-kv-cache", "--server-profiler", "--no-preconnect");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(server.prefixCacheResets()).isEqualTo(1);
            assertThat(server.profilerStarts()).isEqualTo(1);
            assertThat(server.profilerStops()).isEqualTo(1);
            List<String> paths = capture.requests().stream().map(CapturedRequest::path).toList();
            String chat = "/v1/chat/completions";
            assertThat(paths).containsExactly(chat, chat, "/reset_prefix_cache", "/start_profile", chat, chat, chat,
                    chat, "/stop_profile");
        }
    }

    @Test
    void eachRunOfASweepResetsTheCacheOnce() {
        try (MockServer server = mock(0)) {
            CliRun run = profile(server, "sweep", "--concurrency", "1,2", "--request-count", "4", "--reset-kv-cache");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(server.prefixCacheResets()).isEqualTo(2);
            assertThat(server.profilerStarts()).isZero();
        }
    }

    @Test
    void aRefusedControlCallIsOneWarningAndTheRunGoesOn() {
        try (MockServer server = mock(0)) {
            CliRun run = profile(server, "refused", "--request-count", "2", "--reset-kv-cache",
                    "--reset-kv-cache-path", "/no_such_route");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).contains("aiperf: warning: --reset-kv-cache: POST " + server.baseUrl()
                    + "/no_such_route answered HTTP 404; the profiling phase starts with whatever the server has cached");
            assertThat(server.prefixCacheResets()).isZero();
        }
    }

    @Test
    void settingsWithoutTheirSwitchAndBadValuesAreUsageErrors() {
        CliRun run = CliRun.of("profile", "-m", "m", "--reset-kv-cache-path", "/x", "--server-profiler-stop-path",
                "/y", "--failed-request-threshold", "1.5", "--ui", "none");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--reset-kv-cache-path needs --reset-kv-cache",
                "--server-profiler-stop-path needs --server-profiler",
                "--failed-request-threshold must be a ratio greater than 0 and at most 1 (e.g. 0.1 for 10 %), got 1.5");
        CliRun timeout = CliRun.of("profile", "-m", "m", "--server-profiler", "--server-profiler-timeout-seconds", "0",
                "--ui", "none");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).contains("--server-profiler-timeout-seconds must be a number of seconds greater"
                + " than 0, got 0.0");
    }
}
