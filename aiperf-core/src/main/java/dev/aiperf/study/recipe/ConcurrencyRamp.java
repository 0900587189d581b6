package dev.aiperf.study.recipe;

import dev.aiperf.study.SweepPostProcess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --search-recipe concurrency-ramp}: concurrency on a log-spaced grid (default 8 steps over 1..1000),
 * then the knee where the chosen latency (default p99 request latency) first exceeds the lowest concurrency's
 * by more than the threshold (default 20 %), written as {@code sweep_aggregate/degradation_knee.json}.
 *
 * @param low       lowest concurrency ({@code --concurrency-min})
 * @param high      highest concurrency ({@code --concurrency-max})
 * @param steps     grid points before duplicates are dropped ({@code --concurrency-steps})
 * @param threshold {@code --degradation-threshold}, a fraction
 * @param metricTag {@code --degradation-metric-tag}
 * @param stat      {@code --degradation-stat}
 */
public record ConcurrencyRamp(int low, int high, int steps, double threshold, String metricTag, String stat)
        implements GridRecipe {
    public static final String NAME = "concurrency-ramp";
    public static final int DEFAULT_LOW = 1;
    public static final int DEFAULT_HIGH = 1000;
    public static final int DEFAULT_STEPS = 8;
    public static final double DEFAULT_THRESHOLD = 0.20;
    public static final String DEFAULT_METRIC = "request_latency";
    public static final String DEFAULT_STAT = "p99";

    public ConcurrencyRamp {
        LogSpacedGrid.of(low, high, steps);
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("the degradation threshold must be more than 0 (a fraction, e.g. 0.2),"
                    + " got " + threshold);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, List<Object>> parameters() {
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        parameters.put("concurrency", List.copyOf(LogSpacedGrid.of(low, high, steps)));
        return parameters;
    }

    @Override
    public SweepPostProcess postProcess() {
        return new DegradationKnee(threshold, metricTag, stat, "concurrency");
    }
}
