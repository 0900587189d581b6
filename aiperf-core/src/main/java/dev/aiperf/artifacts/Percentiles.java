package dev.aiperf.artifacts;

import java.util.Arrays;

/** Percentiles of a sample by linear interpolation between closest ranks (numpy's default, as the summary uses). */
public final class Percentiles {
    private Percentiles() {
    }

    /** The {@code p}-th percentile (0-100) of values already sorted ascending; NaN when empty. */
    public static double ofSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = p / 100.0 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    /** The {@code p}-th percentile of unsorted values; the array is not changed. */
    public static double of(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, p);
    }
}
