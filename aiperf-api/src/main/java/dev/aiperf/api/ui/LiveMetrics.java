package dev.aiperf.api.ui;

import java.util.List;
import java.util.Map;

/**
 * What the profiling phase has measured so far, for a live view: latency percentiles over every
 * record committed since the phase started, and the errors by type. A statistic is null until the
 * first record that has it.
 *
 * @param timeToFirstToken   TTFT percentiles, or null (non-streaming, or none yet)
 * @param interTokenLatency  ITL percentiles, or null
 * @param requestLatency     request latency percentiles, or null
 * @param outputTokens       output tokens counted so far
 * @param errorsByType       each error type (e.g. {@code HTTP 500}, {@code TimeoutError}) with its count, most
 *                           frequent first
 */
public record LiveMetrics(Percentiles timeToFirstToken, Percentiles interTokenLatency, Percentiles requestLatency,
                          long outputTokens, List<Map.Entry<String, Long>> errorsByType) {
    public LiveMetrics {
        errorsByType = List.copyOf(errorsByType);
    }

    /** Nothing measured yet. */
    public static final LiveMetrics NONE = new LiveMetrics(null, null, null, 0, List.of());

    /**
     * Percentiles of one latency in milliseconds (within HdrHistogram's 3 significant digits).
     *
     * @param p50   median
     * @param p90   90th percentile
     * @param p99   99th percentile
     * @param max   largest value
     * @param count values behind them
     */
    public record Percentiles(double p50, double p90, double p99, double max, long count) {
    }
}
