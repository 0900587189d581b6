package dev.aiperf.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.export.ClientHealth;
import dev.aiperf.api.record.Statistic;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole run against the real mock server: the client's account of its own timing. */
class ClientHealthRunTest extends RunAgainstMockServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRunReportsItsClientTimingBesideTheOriginalsMetricsAndOneVerdictLine() throws IOException {
        TestConfigs config = against(MockServerConfig.builder().ttftMs(15).itlMs(2));
        config.concurrency = 2;
        config.requestCount = 8;

        BenchmarkOutcome outcome = run(config);

        ClientHealth health = outcome.context().clientHealth();
        assertThat(health).isNotNull();
        assertThat(health.timing("send_lag")).get().satisfies(t -> assertThat(t.count()).isEqualTo(8));
        assertThat(health.timing("queue_wait")).get().satisfies(t -> assertThat(t.count()).isEqualTo(8));
        assertThat(health.timing("intended_time_to_first_token").orElseThrow().get(Statistic.P50))
                .as("counted from the intended send, never less than the original's TTFT")
                .isGreaterThanOrEqualTo(outcome.context().result("time_to_first_token").orElseThrow().get(Statistic.MIN));
        assertThat(health.timing("sent_time_to_first_token").orElseThrow().get(Statistic.MIN))
                .as("the mock sent each first token after its 15 ms").isGreaterThanOrEqualTo(15.0);
        assertThat(health.timing("chunk_receive_delay").orElseThrow().count())
                .as("every stamped event of 8 streams of 8 tokens and [DONE]").isEqualTo(8 * 9);
        assertThat(health.timing("first_chunk_receive_delay").orElseThrow().get(Statistic.MIN)).isNotNegative();
        assertThat(health.processors()).isPositive();
        assertThat(health.connectionLimit()).isEqualTo(2500);
        // Whether this machine kept up is not for the test to decide; the verdict must agree with its problems.
        assertThat(health.verdict()).startsWith(health.keptUp() ? "Client kept up: send lag p99 "
                : "WARNING: the client distorted these results: " + health.problems().getFirst());
        assertThat(health.problems().isEmpty()).isEqualTo(health.keptUp());

        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(console.lines().filter(l -> l.equals(health.verdict()))).hasSize(1);
        assertThat(console).contains("Pre-opened 2 connections");

        JsonNode summary = JSON.readTree(dir.resolve("artifacts/profile_export_aiperf.json").toFile());
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.getLast()).as("after every key of the original").isEqualTo("client_health");
        assertThat(summary.at("/client_health/kept_up").asBoolean()).isEqualTo(health.keptUp());
        assertThat(summary.at("/client_health/send_lag/unit").asText()).isEqualTo("ms");
        assertThat(summary.at("/client_health/queue_wait/p99").isNumber()).isTrue();
        assertThat(summary.at("/input_config/endpoint/preconnect").asBoolean()).isTrue();
        String csv = Files.readString(dir.resolve("artifacts/profile_export_aiperf.csv"));
        assertThat(csv).as("the original's CSV is unchanged").doesNotContain("Send Lag").doesNotContain("Queue");

        for (String line : Files.readAllLines(outcome.recordsFile())) {
            JsonNode metadata = JSON.readTree(line).get("metadata");
            long sendLag = metadata.get("send_lag_ns").asLong();
            long queueWait = metadata.get("queue_wait_ns").asLong();
            assertThat(sendLag).isEqualTo(metadata.get("request_start_ns").asLong()
                    - metadata.get("credit_issued_ns").asLong());
            assertThat(queueWait).isNotNegative().isLessThanOrEqualTo(sendLag);
        }
    }

    @Test
    void withoutPreconnectTheFirstRequestsOpenTheirOwnConnections() throws IOException {
        TestConfigs config = against(MockServerConfig.builder().ttftMs(1).itlMs(1));
        config.concurrency = 2;
        config.requestCount = 4;
        config.preconnect = false;

        run(config);

        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Pre-opened");
    }
}
