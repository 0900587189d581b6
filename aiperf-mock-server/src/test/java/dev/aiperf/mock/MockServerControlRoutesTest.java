package dev.aiperf.mock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The control routes a benchmark client calls besides inference: the prefix-cache reset and the profiler. */
class MockServerControlRoutesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private MockServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The cached tokens the mock reports for a prompt (usage.prompt_tokens_details.cached_tokens). */
    private long cachedTokens(String prompt) throws IOException, InterruptedException {
        String body = "{\"model\":\"m1\",\"max_tokens\":2,\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt
                + "\"}]}";
        HttpResponse<String> answer = send("POST", "/v1/chat/completions", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return TestClient.json(answer.body()).at("/usage/prompt_tokens_details/cached_tokens").asLong();
    }

    @Test
    void aResetEmptiesThePrefixCacheAndIsCountedOnTheMetricsPage() throws Exception {
        server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).fast(true).build());
        String prompt = "the same long prompt again and again ".repeat(20);
        cachedTokens(prompt);
        assertThat(cachedTokens(prompt)).as("a repeated prompt hits the prefix cache").isPositive();

        HttpResponse<String> reset = send("POST", "/reset_prefix_cache", null);

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(cachedTokens(prompt)).as("after the reset the prompt is new again").isZero();
        assertThat(server.prefixCacheResets()).isEqualTo(1);
        assertThat(send("GET", "/metrics", null).body()).contains("mock:prefix_cache_resets_total 1.0");
        assertThat(send("GET", "/reset_prefix_cache", null).statusCode()).as("POST only").isEqualTo(405);
    }

    @Test
    void theProfilerRoutesCountStartsAndStopsAndShowWhetherItRuns() throws Exception {
        server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).fast(true).build());

        assertThat(send("POST", "/start_profile", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/metrics", null).body()).contains("mock:profiler_active 1.0",
                "mock:profiler_starts_total 1.0", "mock:profiler_stops_total 0.0");
        assertThat(send("POST", "/stop_profile", null).statusCode()).isEqualTo(200);

        assertThat(send("GET", "/metrics", null).body()).contains("mock:profiler_active 0.0",
                "mock:profiler_stops_total 1.0");
        assertThat(server.profilerStarts()).isEqualTo(1);
        assertThat(server.profilerStops()).isEqualTo(1);
    }
}
