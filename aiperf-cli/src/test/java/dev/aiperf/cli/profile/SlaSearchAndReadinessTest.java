package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.testkit.ClosedPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The SLA search and the wait for the model, against the real mock over loopback. */
class SlaSearchAndReadinessTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

    @TempDir
    Path dir;

    @Test
    void theSearchConvergesOnTheHighestConcurrencyWhoseGoodputSlosHold() throws IOException {
        // TTFT = 10 ms + 300 ms per other request in flight: about 610 ms at concurrency 3, 910 ms at 4; the SLO
        // (760 ms) lies 150 ms from both, so a busy machine's delays do not move the answer.
        try (MockServer server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(10)
                .itlMs(1).ttftPerInflightMs(300).build())) {
            Path base = dir.resolve("search");
            CliRun run = CliRun.of("profile", "-m", "mock-model", "--url", server.baseUrl(), "--streaming",
                    "--isl", "16", "--osl", "4", "--extra-inputs", "ignore_eos:true", "--tokenizer", "cl100k_base",
                    "--ui", "none", "--request-count", "8", "--goodput", "time_to_first_token:760",
                    "--search-recipe", "max-concurrency-under-sla", "--search-space", "concurrency:1,8",
                    "--artifact-dir", base.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Answer: highest concurrency meeting the SLA: 3 (4 breaks it)");
            assertThat(run.err()).contains("probe 1: concurrency=1: SLA met", "concurrency=4: SLA broken");
            JsonNode history = JSON.readTree(base.resolve("search_history.json").toFile());
            assertThat(history.get("convergence_reason").asText()).isEqualTo("bracket_closed");
            assertThat(history.at("/boundary_summary/feasible_max/value").asLong()).isEqualTo(3);
            assertThat(history.at("/boundary_summary/infeasible_min/value").asLong()).isEqualTo(4);
            assertThat(history.at("/boundary_summary/infeasible_min/first_breach/metric_tag").asText())
                    .isEqualTo("good_request_fraction");
            // Doubling from 1 until it breaks, then bisection: 1, 2, 4, 3.
            List<Long> probed = new ArrayList<>();
            history.get("iterations").forEach(i -> probed.add(i.at("/variation_values/phases.profiling.concurrency")
                    .asLong()));
            assertThat(probed).containsExactly(1L, 2L, 4L, 3L);
            assertThat(base.resolve("search_iter_0004/profile_export_aiperf.json")).exists();
            JsonNode curve = JSON.readTree(base.resolve("sweep_aggregate/profile_export_aiperf_sweep.json").toFile());
            assertThat(curve.at("/metadata/sweep_parameters/0/values").toString()).isEqualTo("[1,2,3,4]");
        }
    }

    @Test
    void aRefusedPortFailsClearlyWhenTheWaitTimesOut() throws IOException {
        long start = System.nanoTime();
        CliRun run;
        int port;
        try (ClosedPort down = ClosedPort.open()) {
            port = down.port();
            run = CliRun.of("profile", "-m", "m", "--url", "127.0.0.1:" + port, "--request-count", "2", "--ui",
                    "none", "--tokenizer", "cl100k_base", "--wait-for-model-timeout", "1", "--wait-for-model-interval",
                    "0.2", "--artifact-dir", dir.resolve("refused").toString());
        }
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("aiperf: error: the model was not ready at 127.0.0.1:" + port + " after ",
                "--wait-for-model-timeout 1.0, --wait-for-model-mode inference): connection refused");
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
    }

    @Test
    void theRunWaitsForAServerThatStartsLate() throws Exception {
        int port = freePort();
        CompletableFuture<MockServer> late = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(800);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(port).ttftMs(1).itlMs(0.1)
                    .build());
        });
        try {
            CliRun run = CliRun.of("profile", "-m", "m", "--url", "127.0.0.1:" + port, "--request-count", "3",
                    "--isl", "8", "--osl", "2", "--ui", "none", "--tokenizer", "cl100k_base",
                    "--wait-for-model-timeout", "20", "--wait-for-model-interval", "0.2", "--wait-for-model-mode",
                    "both", "--artifact-dir", dir.resolve("late").toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).contains("aiperf: waiting for the model at 127.0.0.1:" + port,
                    "connection refused", "aiperf: model ready after ");
            JsonNode summary = JSON.readTree(dir.resolve("late/profile_export_aiperf.json").toFile());
            assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(3.0);
        } finally {
            late.get(10, TimeUnit.SECONDS).close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
