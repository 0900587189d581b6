package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi.Progress;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.api.ui.LiveServerMetrics;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Dashboard frames laid out on screens of fixed sizes. */
class DashboardFrameTest {
    private static final LiveMetrics LIVE = new LiveMetrics(new LiveMetrics.Percentiles(12.3, 20.5, 40.1, 55, 100),
            new LiveMetrics.Percentiles(4.1, 6, 9, 12, 100), new LiveMetrics.Percentiles(212, 300, 524, 597, 100),
            3_200, List.of(Map.entry("HTTP 500", 2L), Map.entry("TimeoutError", 1L)));
    private static final Progress HALF = new Progress("profiling", 107, 100, 3, 10, 200L, null);

    private static List<String> text(DashboardState state, int width, int height) {
        return DashboardFrame.render(state, width, height).stream().map(AttributedString::toString).toList();
    }

    @Test
    void aFullFrameShowsProgressThroughputLatenciesAndErrors() {
        DashboardState state = new DashboardState("mock-model · chat streaming @ http://127.0.0.1:8000", HALF, LIVE,
                List.of(8.0, 10.0, 12.0, 10.0), 320.0, false, false);
        List<String> frame = text(state, 100, 30);

        assertThat(frame).hasSize(30).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(frame.get(0)).startsWith(" AIPerf | mock-model · chat streaming @ http://127.0.0.1:8000")
                .endsWith("[p] pause  [q] stop ").hasSize(100);
        assertThat(String.join("\n", frame))
                .contains("profiling", " 50%  100/200 requests  elapsed 0:10  ETA 0:10", "in flight 7")
                .contains("10.0 req/s last second", "10.0 req/s average", "output 320 tokens/s")
                .contains("▆▇█▇  (4 s)")
                .containsPattern("Time to first token +12\\.3 +20\\.5 +40\\.1 +55\\.0 +100")
                .containsPattern("Inter token latency +4\\.10 +6\\.00 +9\\.00 +12\\.0 +100")
                .containsPattern("Request latency +212 +300 +524 +597 +100")
                .contains("Errors 3   HTTP 500 ×2   TimeoutError ×1");
    }

    @Test
    void aSmallScreenCutsLinesAndDropsWhatDoesNotFit() {
        DashboardState state = new DashboardState("a-very-long-model-name-that-does-not-fit · chat", HALF, LIVE,
                List.of(1.0), null, false, false);
        List<String> frame = text(state, 60, 8);
        assertThat(frame).hasSize(8).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        assertThat(String.join("\n", frame)).contains("profiling").doesNotContain("Errors");
    }

    @Test
    void beforeTheFirstMeasurementAndWhilePausedOrStopping() {
        DashboardState starting = new DashboardState("m", null, LiveMetrics.NONE, List.of(), null, false, false);
        assertThat(text(starting, 80, 5)).contains(" starting...");
        DashboardState paused = new DashboardState("m", HALF, LiveMetrics.NONE, List.of(), null, true, false);
        assertThat(String.join("\n", text(paused, 80, 24))).contains("[p] resume  [q] stop")
                .contains("display paused; the run goes on").containsPattern("Time to first token +-");
        DashboardState stopping = new DashboardState("m", HALF, LiveMetrics.NONE, List.of(), null, false, true);
        assertThat(text(stopping, 100, 3).get(0)).contains("stopping: cancelling in-flight requests and exporting");
    }

    @Test
    void theServerSectionShowsEachEndpointAndItsHistory() {
        LiveServerMetrics server = new LiveServerMetrics(List.of(
                new LiveServerMetrics.Endpoint("http://127.0.0.1:8000/metrics", 8.0, 2.0, 41.25, 0.4),
                new LiveServerMetrics.Endpoint("https://a-rather-long-host-name.example.com:9000/metrics", 3.0, null,
                        null, 1.0),
                new LiveServerMetrics.Endpoint("http://10.0.0.9:30000/metrics", null, null, null, null)));
        DashboardState state = new DashboardState("m", HALF, LIVE, List.of(8.0), null, false, false, server,
                List.of(2.0, 8.0), List.of(0.0, 50.0, 100.0));
        List<String> frame = text(state, 100, 30);

        assertThat(frame).hasSize(30).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(frame).containsSubsequence(
                " Errors 3   HTTP 500 ×2   TimeoutError ×1",
                "",
                " Server                         running   waiting  KV cache      scraped",
                "   127.0.0.1:8000/metrics             8         2    41.3 %    0.4 s ago",
                "   a-rather-long-host-name.e…         3         -         -    1.0 s ago",
                "   10.0.0.9:30000/metrics             -         -         -      not yet",
                "   running   ▃█  (2 s)",
                "   KV cache  ▁▅█  (3 s)");
    }

    @Test
    void withoutServerMetricsThereIsNoServerSection() {
        DashboardState none = new DashboardState("m", HALF, LIVE, List.of(), null, false, false);
        DashboardState empty = new DashboardState("m", HALF, LIVE, List.of(), null, false, false,
                LiveServerMetrics.NONE, List.of(), List.of());
        assertThat(text(none, 100, 30)).noneSatisfy(line -> assertThat(line).contains("Server"));
        assertThat(text(empty, 100, 30)).noneSatisfy(line -> assertThat(line).contains("Server"));
    }

    @Test
    void sparklineScalesToTheLargestValue() {
        assertThat(DashboardFrame.sparkline(List.of(0.0, 1.0, 2.0, 4.0, 8.0))).isEqualTo("▁▂▃▅█");
        assertThat(DashboardFrame.sparkline(List.of(0.0, 0.0))).isEqualTo("▁▁");
        assertThat(DashboardFrame.sparkline(List.of(0.0, 50.0, 100.0), 100)).isEqualTo("▁▅█");
    }
}
