package dev.aiperf.study;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks the Pareto-optimal points of a throughput/latency trade-off: a point is optimal when no other
 * point has throughput at least as high and latency at least as low, and is strictly better in one.
 */
public final class ParetoFrontier {
    private ParetoFrontier() {
    }

    /** One flag per point; a point with a missing value (null) is never optimal and never dominates. */
    public static List<Boolean> optimal(List<Double> throughput, List<Double> latency) {
        int n = throughput.size();
        List<Boolean> flags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            flags.add(throughput.get(i) != null && latency.get(i) != null && !dominated(i, throughput, latency));
        }
        return flags;
    }

    private static boolean dominated(int i, List<Double> throughput, List<Double> latency) {
        double t = throughput.get(i);
        double l = latency.get(i);
        for (int j = 0; j < throughput.size(); j++) {
            Double tj = throughput.get(j);
            Double lj = latency.get(j);
            if (j == i || tj == null || lj == null) {
                continue;
            }
            if (tj >= t && lj <= l && (tj > t || lj < l)) {
                return true;
            }
        }
        return false;
    }
}
