package dev.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.aiperf.mock.MockServerEndpointsTest.chatBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Error injection and the fault knobs, each on its own server. */
class MockServerFaultsTest {

    private static MockServer fastServer(MockServerConfig.Builder builder) {
        return MockServer.start(builder.port(0).fast(true).workers(1).build());
    }

    private static List<Integer> statuses(TestClient client, int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(client.post("/v1/chat/completions", chatBody("m", 3, false, true, false)).statusCode());
        }
        return statuses;
    }

    @Test
    void errorRate100FailsEveryInferenceRequestButNotHealth() {
        try (MockServer server = fastServer(MockServerConfig.builder().errorRatePercent(100))) {
            TestClient client = new TestClient(server);
            HttpResponse<String> failed = client.post("/v1/chat/completions", chatBody("m", 3, true, true, false));
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(TestClient.json(failed.body()).path("detail").asText()).isEqualTo("Simulated error");
            assertThat(client.post("/v1/completions", "{\"prompt\":\"x\"}").statusCode()).isEqualTo(500);
            assertThat(client.post("/v1/embeddings", "{\"input\":\"x\"}").statusCode()).isEqualTo(500);
            assertThat(client.get("/health").statusCode()).isEqualTo(200);
            assertThat(client.get("/v1/models").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void errorRate0NeverFails() {
        try (MockServer server = fastServer(MockServerConfig.builder().errorRatePercent(0))) {
            assertThat(statuses(new TestClient(server), 40)).containsOnly(200);
        }
    }

    @Test
    void errorsAreDeterministicForASeedAndCloseToTheRate() {
        List<Integer> first;
        try (MockServer server = fastServer(MockServerConfig.builder().errorRatePercent(30).randomSeed(42L))) {
            first = statuses(new TestClient(server), 200);
        }
        List<Integer> second;
        try (MockServer server = fastServer(MockServerConfig.builder().errorRatePercent(30).randomSeed(42L))) {
            second = statuses(new TestClient(server), 200);
        }
        List<Integer> otherSeed;
        try (MockServer server = fastServer(MockServerConfig.builder().errorRatePercent(30).randomSeed(7L))) {
            otherSeed = statuses(new TestClient(server), 200);
        }
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        long errors = first.stream().filter(s -> s == 500).count();
        assertThat(errors).isBetween(30L, 90L); // 60 expected; 30..90 is far outside any seed's bad luck
    }

    @Test
    void forcedStatusAnswersEveryInferenceRequest() {
        try (MockServer server = fastServer(MockServerConfig.builder().faultStatus(429))) {
            TestClient client = new TestClient(server);
            HttpResponse<String> response = client.post("/v1/chat/completions", chatBody("m", 3, true, true, false));
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(TestClient.json(response.body()).path("detail").asText()).isEqualTo("Simulated status 429");
            assertThat(client.post("/v1/embeddings", "{\"input\":\"x\"}").statusCode()).isEqualTo(429);
            assertThat(client.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void truncatedStreamsCloseAfterNChunksWithoutDone() {
        try (MockServer server = fastServer(MockServerConfig.builder().faultTruncateStreamAfter(3))) {
            TestClient client = new TestClient(server);
            String wire = client.raw(TestClient.rawPost("/v1/chat/completions", chatBody("m", 20, true, true, true)),
                    Duration.ofSeconds(5));
            assertThat(wire).startsWith("HTTP/1.1 200 OK");
            assertThat(Pattern.compile("data: \\{").matcher(wire).results().count()).isEqualTo(3);
            assertThat(wire).doesNotContain("[DONE]").doesNotEndWith("0\r\n\r\n");

            // Whole answers are not cut.
            assertThat(client.post("/v1/chat/completions", chatBody("m", 20, false, true, false)).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void truncationAfterZeroChunksClosesRightAfterTheHeaders() {
        try (MockServer server = fastServer(MockServerConfig.builder().faultTruncateStreamAfter(0))) {
            String wire = new TestClient(server).raw(
                    TestClient.rawPost("/v1/completions", "{\"prompt\":\"hello\",\"stream\":true}"),
                    Duration.ofSeconds(5));
            assertThat(wire).startsWith("HTTP/1.1 200 OK").doesNotContain("data:");
        }
    }

    @Test
    void malformedJsonRate100BreaksEveryBodyAndChunk() {
        try (MockServer server = fastServer(MockServerConfig.builder().faultMalformedJsonRatePercent(100))) {
            TestClient client = new TestClient(server);
            String body = client.post("/v1/chat/completions", chatBody("m", 4, false, true, false)).body();
            assertThatThrownBy(() -> TestClient.JSON.readTree(body)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> TestClient.JSON.readTree(
                    client.post("/v1/embeddings", "{\"input\":\"x\"}").body())).isInstanceOf(IOException.class);

            TestClient.Stream stream = client.stream("/v1/chat/completions", chatBody("m", 4, true, true, true));
            assertThat(stream.events()).hasSize(6).last().isEqualTo("[DONE]");
            for (String event : stream.events().subList(0, 5)) {
                assertThatThrownBy(() -> TestClient.JSON.readTree(event)).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void malformedJsonRate0LeavesEverythingValid() {
        try (MockServer server = fastServer(MockServerConfig.builder().faultMalformedJsonRatePercent(0))) {
            List<JsonNode> chunks = new TestClient(server).stream("/v1/chat/completions",
                    chatBody("m", 10, true, true, true)).chunks();
            assertThat(chunks).hasSize(11);
        }
    }

    @Test
    void stallAfterHeadersSendsHeadersThenNothing() {
        try (MockServer server = fastServer(MockServerConfig.builder().faultStallAfterHeaders(true))) {
            long start = System.nanoTime();
            String wire = new TestClient(server).raw(
                    TestClient.rawPost("/v1/chat/completions", chatBody("m", 5, true, true, false)),
                    Duration.ofMillis(400));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(wire).startsWith("HTTP/1.1 200 OK").contains("transfer-encoding: chunked")
                    .endsWith("\r\n\r\n").doesNotContain("data:");
        }
    }

    @Test
    void accessLogsDoNotDisturbAnswers() {
        try (MockServer server = fastServer(MockServerConfig.builder().accessLogs(true).verbose(true))) {
            Matcher status = Pattern.compile("HTTP/1.1 (\\d+)").matcher(new TestClient(server).raw(
                    "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", Duration.ofSeconds(5)));
            assertThat(status.find()).isTrue();
            assertThat(status.group(1)).isEqualTo("200");
        }
    }
}
