package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi.Progress;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.api.ui.LiveServerMetrics;

import java.util.List;

/**
 * What one dashboard frame shows.
 *
 * @param title       the run in a few words (model, endpoint, URL)
 * @param progress    the phase's latest progress, or null before the first
 * @param live        what it measured so far ({@link LiveMetrics#NONE} before the profiling phase)
 * @param throughput  completed requests per second, one entry per elapsed second, oldest first
 * @param outputTokensPerSecond output tokens per second over the phase so far, or null when unknown
 * @param paused      the display is paused (the run is not)
 * @param stopping    the user asked to stop; the run is cancelling and exporting
 * @param server      the server's load as last scraped, or null when the run scrapes no server metrics
 * @param serverRunning requests running on the server (all endpoints), one entry per elapsed second, oldest first
 * @param kvCacheUsage  KV-cache use in percent (mean of the endpoints), one entry per elapsed second, oldest first
 */
record DashboardState(String title, Progress progress, LiveMetrics live, List<Double> throughput,
                      Double outputTokensPerSecond, boolean paused, boolean stopping, LiveServerMetrics server,
                      List<Double> serverRunning, List<Double> kvCacheUsage) {
    DashboardState {
        throughput = List.copyOf(throughput);
        serverRunning = List.copyOf(serverRunning);
        kvCacheUsage = List.copyOf(kvCacheUsage);
    }

    /** A state without server metrics. */
    DashboardState(String title, Progress progress, LiveMetrics live, List<Double> throughput,
                   Double outputTokensPerSecond, boolean paused, boolean stopping) {
        this(title, progress, live, throughput, outputTokensPerSecond, paused, stopping, null, List.of(), List.of());
    }
}
