package dev.aiperf.mock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The mock's Prometheus pages move with the load it really serves. */
class MockServerMetricsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private MockServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> chat(String content, int maxTokens, boolean stream) {
        String body = "{\"model\":\"m1\",\"stream\":" + stream + ",\"max_tokens\":" + maxTokens
                + ",\"min_tokens\":" + maxTokens + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String page, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(\\{[^}]*\\})? (\\S+)$").matcher(page);
        assertThat(m.find()).as(series + " in\n" + page).isTrue();
        return Double.parseDouble(m.group(2));
    }

    /**
     * Scrapes {@code path} until a page satisfies {@code state}, while {@code load} is still running: the state is
     * awaited, not expected after a fixed sleep (which a loaded machine overshoots). Fails when the load ended first.
     */
    private String awaitPage(String path, java.util.function.Predicate<String> state, CompletableFuture<?> load)
            throws Exception {
        while (true) {
            boolean ended = load.isDone();
            String page = get(path).body();
            if (state.test(page)) {
                return page;
            }
            assertThat(ended).as("the load ended before " + path + " showed the state; last page:\n" + page)
                    .isFalse();
            Thread.sleep(10);
        }
    }

    @Test
    void vllmStyleMetricsFollowRequestsThroughWaitingRunningAndDone() throws Exception {
        server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(1000).itlMs(50)
                .build());
        HttpResponse<String> idle = get("/metrics");
        assertThat(idle.statusCode()).isEqualTo(200);
        assertThat(idle.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(value(idle.body(), "vllm:num_requests_running")).isZero();
        assertThat(idle.body()).contains("# TYPE vllm:time_to_first_token_seconds histogram");

        String prompt = "x".repeat(400);
        CompletableFuture<HttpResponse<String>> first = chat(prompt, 20, true);
        // within the second before the first token: waiting
        String waiting = awaitPage("/metrics", p -> value(p, "vllm:num_requests_waiting") == 1.0, first);
        assertThat(value(waiting, "vllm:num_requests_running")).isZero();
        assertThat(value(waiting, "vllm:kv_cache_usage_perc")).isPositive();
        // first token out, 20 tokens 50 ms apart still going: running
        String running = awaitPage("/metrics", p -> value(p, "vllm:num_requests_running") == 1.0, first);
        assertThat(value(running, "vllm:num_requests_waiting")).isZero();
        assertThat(first.get().statusCode()).isEqualTo(200);
        chat(prompt, 5, false).get(); // the same prompt again: its prefix is cached

        String done = get("/metrics").body();
        assertThat(value(done, "vllm:num_requests_running")).isZero();
        assertThat(value(done, "vllm:generation_tokens_total")).isEqualTo(25.0);
        assertThat(value(done, "vllm:time_to_first_token_seconds_count")).isEqualTo(2.0);
        assertThat(value(done, "vllm:e2e_request_latency_seconds_count")).isEqualTo(2.0);
        assertThat(done).contains("vllm:request_success_total{engine=\"0\",model_name=\"m1\",finished_reason=\"length\"} 2.0");
        assertThat(value(done, "vllm:prefix_cache_hits_total")).isPositive()
                .isLessThan(value(done, "vllm:prefix_cache_queries_total"));
        assertThat(value(done, "vllm:kv_cache_usage_perc")).isZero();
    }

    @Test
    void dcgmPagesReportTheConfiguredGpusAndTheirPowerAndEnergyRiseWithLoad() throws Exception {
        server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(50).itlMs(50)
                .dcgmGpus(3).dcgmGpuName("NVIDIA B200").build());
        String idle = get("/dcgm1/metrics").body();
        assertThat(idle).contains("# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter")
                .contains("modelName=\"NVIDIA B200\"").contains("gpu=\"2\"").doesNotContain("gpu=\"3\"");
        assertThat(value(idle, "DCGM_FI_DEV_POWER_USAGE")).isEqualTo(90.0);
        double energyBefore = value(idle, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION");

        CompletableFuture<?>[] load = new CompletableFuture<?>[8];
        for (int i = 0; i < load.length; i++) {
            load[i] = chat("busy " + i, 30, true);
        }
        // awaited: most of the 8 requests in flight (utilisation is in-flight requests out of 16); power follows
        String busy = awaitPage("/dcgm1/metrics", p -> value(p, "DCGM_FI_DEV_GPU_UTIL") > 40.0,
                CompletableFuture.allOf(load));
        assertThat(value(busy, "DCGM_FI_DEV_POWER_USAGE")).isGreaterThan(300.0);
        assertThat(value(busy, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION")).isGreaterThan(energyBefore);
        CompletableFuture.allOf(load).get();
        assertThat(get("/dcgm2/metrics").body()).contains("Hostname=\"mock-node-2\"");

        server.close();
        server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).dcgmGpus(0).build());
        assertThat(get("/dcgm1/metrics").statusCode()).isEqualTo(404);
    }
}
