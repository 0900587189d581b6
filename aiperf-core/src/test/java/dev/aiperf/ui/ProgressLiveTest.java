package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi.Progress;
import dev.aiperf.api.ui.LiveMetrics;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress line with live latencies, on terminals of every width, and after a resize. */
class ProgressLiveTest {
    private static final Progress HALF = new Progress("profiling", 110, 100, 3, 10, 200L, null);
    private static final LiveMetrics LIVE = new LiveMetrics(new LiveMetrics.Percentiles(12.34, 20, 40.12, 50, 100),
            new LiveMetrics.Percentiles(4.1, 6, 9.004, 12, 100), null, 0, List.of());

    @Test
    void liveTtftAndItlAppearWhenThereIsRoom() {
        ProgressBarUi ui = new ProgressBarUi(new PrintStream(new ByteArrayOutputStream()), 160);
        ui.liveMetrics(LIVE);
        assertThat(ui.render(HALF)).hasSize(159).contains("100/200 requests", "TTFT p50/p99 12.3/40.1 ms",
                "ITL p50/p99 4.10/9.00 ms");
    }

    @Test
    void theLineNeverWrapsAndFollowsAResize() {
        AtomicInteger width = new AtomicInteger(200);
        ProgressBarUi ui = new ProgressBarUi(new PrintStream(new ByteArrayOutputStream()), width::get);
        ui.liveMetrics(LIVE);
        for (int w : new int[]{200, 130, 100, 80, 50, 20}) {
            width.set(w);
            String line = ui.render(HALF);
            assertThat(line).as("width " + w).hasSize(Math.max(40, w) - 1);
        }
        width.set(120);
        assertThat(ui.render(HALF)).contains("TTFT p50/p99").doesNotContain("ITL");
        width.set(100);
        assertThat(ui.render(HALF)).doesNotContain("TTFT");
    }

    @Test
    void theLogLineCarriesTheLatenciesToo() {
        assertThat(LogProgressUi.line(HALF, LIVE)).endsWith(", TTFT p50/p99 12.3/40.1 ms, ITL p50/p99 4.10/9.00 ms");
        assertThat(LogProgressUi.line(HALF, null)).endsWith("ETA 0:10");
    }
}
