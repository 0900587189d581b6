package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi.Progress;
import dev.aiperf.api.ui.LiveMetrics;

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
 */
record DashboardState(String title, Progress progress, LiveMetrics live, List<Double> throughput,
                      Double outputTokensPerSecond, boolean paused, boolean stopping) {
    DashboardState {
        throughput = List.copyOf(throughput);
    }
}
