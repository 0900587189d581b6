package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi.Progress;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.api.ui.LiveServerMetrics;
import dev.aiperf.api.ui.UiContext;
import dev.aiperf.console.LiveServerLoad;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.prometheus.MetricsFetcher;
import dev.aiperf.prometheus.WallClock;
import dev.aiperf.servermetrics.LatestScrape;
import dev.aiperf.servermetrics.ServerMetricsCollector;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's server section on a virtual terminal of fixed size, fed with what the collector really scraped
 * from the mock's vLLM-style {@code /metrics} while requests were queued in it.
 */
class DashboardServerMetricsTest {
    private static final int IN_FLIGHT = 3;
    private final HttpClient http = HttpClient.newHttpClient();
    private MockServer server;

    @AfterEach
    void stop() {
        http.shutdownNow(); // the queued requests are abandoned, not awaited
        if (server != null) {
            server.close();
        }
    }

    @Test
    void showsTheRequestsRunningAndWaitingAndTheKvCacheUseTheServerReported() throws Exception {
        // A first token after 20 s: the requests sit in the mock's queue for the whole test.
        server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(20_000).itlMs(10)
                .build());
        String metricsUrl = server.baseUrl() + "/metrics";
        List<String> warnings = new ArrayList<>();
        List<LatestScrape> latest;
        try (MetricsFetcher fetcher = new MetricsFetcher(Duration.ofSeconds(5))) {
            ServerMetricsCollector collector = new ServerMetricsCollector(List.of(metricsUrl), fetcher, warnings::add,
                    null);
            assertThat(collector.latest()).singleElement().satisfies(s -> assertThat(s.scraped()).isFalse());
            for (int i = 0; i < IN_FLIGHT; i++) {
                chat();
            }
            latest = awaitInFlight(collector);
        }
        assertThat(warnings).isEmpty();
        LiveServerMetrics load = LiveServerLoad.of(latest, WallClock.nowNs());
        LiveServerMetrics.Endpoint endpoint = load.endpoints().getFirst();
        assertThat(endpoint.url()).isEqualTo(metricsUrl);
        assertThat(endpoint.requestsRunning() + endpoint.requestsWaiting()).isEqualTo(IN_FLIGHT);
        assertThat(endpoint.kvCacheUsagePercent()).isPositive().isLessThanOrEqualTo(100);
        assertThat(endpoint.secondsSinceScrape()).isNotNegative();

        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Terminal terminal = new ExternalTerminal("test", "xterm-256color", new ByteArrayInputStream(new byte[0]),
                screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(100, 30));
        DashboardUi ui = new DashboardUi(new UiContext(null, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)), terminal);
        ui.phaseStarted("profiling", 100L, null);
        ui.liveServerMetrics(load);
        ui.liveMetrics(LiveMetrics.NONE);
        ui.progress(new Progress("profiling", 3, 0, 0, 2.4, 100L, null));
        ui.phaseCompleted(new Progress("profiling", 3, 0, 0, 2.4, 100L, null)); // drawn at once, not throttled
        List<String> frame = DashboardFrame.render(ui.state(), 100, 30).stream().map(AttributedString::toString)
                .toList();
        ui.close();
        terminal.close();

        String row = String.format(Locale.ROOT, "%9.0f %9.0f %7.1f %%", endpoint.requestsRunning(),
                endpoint.requestsWaiting(), endpoint.kvCacheUsagePercent());
        String shown = metricsUrl.substring("http://".length());
        assertThat(frame).hasSize(30).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(frame).anySatisfy(line -> assertThat(line).containsPattern(
                "^ Server +running +waiting +KV cache +scraped$"));
        assertThat(frame).anySatisfy(line -> assertThat(line).startsWith("   " + shown).contains(row)
                .endsWith(" s ago"));
        // two elapsed seconds: two entries of history, drawn as sparklines
        assertThat(ui.state().serverRunning()).hasSize(2).containsOnly(endpoint.requestsRunning());
        assertThat(ui.state().kvCacheUsage()).hasSize(2).containsOnly(endpoint.kvCacheUsagePercent());
        assertThat(frame).anySatisfy(line -> assertThat(line).startsWith("   KV cache ").endsWith("(2 s)"));
        // and the same went to the terminal
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains(shown, "KV cache");
    }

    private void chat() {
        String body = "{\"model\":\"m1\",\"stream\":true,\"max_tokens\":5,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + "tell me a story ".repeat(20) + "\"}]}";
        http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Scrapes until the mock counts every request sent (bounded: 30 s). */
    private static List<LatestScrape> awaitInFlight(ServerMetricsCollector collector) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<LatestScrape> latest;
        do {
            Thread.sleep(50);
            collector.scrapeAll();
            latest = collector.latest();
            LatestScrape scrape = latest.getFirst();
            Double running = scrape.sum("vllm:num_requests_running");
            Double waiting = scrape.sum("vllm:num_requests_waiting");
            if (running != null && waiting != null && running + waiting == IN_FLIGHT) {
                return latest;
            }
        } while (System.nanoTime() < deadline);
        return latest;
    }
}
