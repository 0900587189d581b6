package dev.aiperf.mock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.aiperf.mock.MockServerEndpointsTest.chatBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latencies are honoured: only lower bounds are asserted (nothing may come early); how late things may be depends
 * on the machine, so no upper bound is.
 */
class MockServerTimingTest {

    private static final long TTFT_MS = 120;
    private static final long ITL_MS = 15;
    private static MockServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.builder().port(0).ttftMs(TTFT_MS).itlMs(ITL_MS)
                .embeddingBaseLatencyMs(80).embeddingPerInputLatencyMs(40).build());
        client = new TestClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void noStreamedTokenComesBeforeItsDueTime() {
        TestClient.Stream stream = client.stream("/v1/chat/completions", chatBody("m", 6, true, true, false));
        List<Long> arrivals = stream.arrivalNanos();
        assertThat(stream.chunks()).hasSize(6);
        for (int k = 0; k < 6; k++) {
            long dueMs = TTFT_MS + k * ITL_MS;
            assertThat(Duration.ofNanos(arrivals.get(k))).as("token %d", k)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(dueMs));
        }
        // Spread out, not sent in one burst after a single wait.
        assertThat(Duration.ofNanos(arrivals.get(5) - arrivals.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(4 * ITL_MS));
    }

    @Test
    void aWholeAnswerWaitsForTtftPlusItlPerContentToken() {
        long start = System.nanoTime();
        assertThat(client.post("/v1/chat/completions", chatBody("m", 8, false, true, false)).statusCode())
                .isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(TTFT_MS + 8 * ITL_MS));
    }

    @Test
    void embeddingsWaitForBasePlusPerInputLatency() {
        long start = System.nanoTime();
        assertThat(client.post("/v1/embeddings", "{\"model\":\"e\",\"input\":[\"a\",\"b\",\"c\"]}").statusCode())
                .isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(80 + 3 * 40));
    }

    @Test
    void fastModeIgnoresTheLatencies() {
        MockServerConfig fast = server.config().toBuilder().fast(true).build();
        assertThat(fast.effectiveTtftNanos()).isZero();
        assertThat(fast.effectiveItlNanos()).isZero();
        assertThat(fast.embeddingLatencyNanos(10)).isZero();
        assertThat(server.config().effectiveTtftNanos()).isEqualTo(TTFT_MS * 1_000_000);
    }
}
