package dev.aiperf.engine;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.TelemetryConfig;
import dev.aiperf.api.ui.AiperfUi;
import dev.aiperf.api.ui.LiveServerMetrics;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI gets the server's load on each progress tick when, and only when, the run scrapes server metrics. */
class LiveServerMetricsReportingTest {
    @TempDir
    Path dir;
    private MockServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Records what the progress thread hands over. */
    private static final class RecordingUi implements AiperfUi {
        final List<LiveServerMetrics> server = new CopyOnWriteArrayList<>();
        final List<Progress> ticks = new CopyOnWriteArrayList<>();

        @Override
        public void phaseStarted(String phase, Long expectedRequests, Double durationSeconds) {
        }

        @Override
        public void liveServerMetrics(LiveServerMetrics metrics) {
            server.add(metrics);
        }

        @Override
        public void progress(Progress progress) {
            ticks.add(progress);
        }

        @Override
        public void phaseCompleted(Progress progress) {
        }

        @Override
        public void close() {
        }
    }

    private RecordingUi tick(boolean scrape) throws InterruptedException {
        server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).build());
        BenchmarkConfig config = TestConfigs.against(server.baseUrl(), dir).build().withTelemetry(new TelemetryConfig(
                scrape, List.of(), List.of("json"), 0.05, false, false, "dcgm", List.of(), 1.0));
        RecordingUi ui = new RecordingUi();
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (TelemetryRun telemetry = TelemetryRun.start(config, null, err);
             ProgressReporter reporter = new ProgressReporter(ui, telemetry::liveServerMetrics)) {
            reporter.phaseStarted(new PhaseProgress(CreditPhase.WARMUP, 10L, null));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ui.ticks.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(ui.ticks).as("progress ticks").hasSizeGreaterThanOrEqualTo(3);
        return ui;
    }

    @Test
    void eachTickOfEveryPhaseCarriesTheLatestScrape() throws InterruptedException {
        RecordingUi ui = tick(true);
        // the baseline scrape is taken before the first tick
        assertThat(ui.server).isNotEmpty().allSatisfy(load -> assertThat(load.endpoints()).singleElement()
                .satisfies(e -> {
                    assertThat(e.url()).isEqualTo(server.baseUrl() + "/metrics");
                    assertThat(e.scraped()).isTrue();
                    assertThat(e.requestsRunning()).isZero();
                    assertThat(e.requestsWaiting()).isZero();
                    assertThat(e.kvCacheUsagePercent()).isZero();
                }));
    }

    @Test
    void withoutServerMetricsTheUiGetsNone() throws InterruptedException {
        assertThat(tick(false).server).isEmpty();
    }
}
