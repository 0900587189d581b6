package dev.aiperf.artifacts;

import java.util.Arrays;

/**
 * Counts of values in equal-width bins from the smallest value to the largest.
 *
 * @param edges  bin edges, one more than the bins
 * @param counts values per bin; the last bin includes its upper edge
 */
public record Histogram(double[] edges, long[] counts) {
    static final int MIN_BINS = 5;
    static final int MAX_BINS = 60;

    /** The bin count by the Freedman-Diaconis rule, kept between 5 and 60 so a chart stays readable. */
    public static Histogram of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted);
    }

    /** The same for values already sorted (a caller that needs them sorted anyway sorts once). */
    public static Histogram ofSorted(double[] sorted) {
        if (sorted.length == 0) {
            return new Histogram(new double[0], new long[0]);
        }
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        if (max <= min) {
            return new Histogram(new double[] {min - 0.5, min + 0.5}, new long[] {sorted.length});
        }
        double iqr = Percentiles.ofSorted(sorted, 75) - Percentiles.ofSorted(sorted, 25);
        int bins = iqr > 0 ? (int) Math.ceil((max - min) / (2 * iqr / Math.cbrt(sorted.length)))
                : (int) Math.ceil(Math.sqrt(sorted.length));
        return of(sorted, Math.max(MIN_BINS, Math.min(MAX_BINS, bins)));
    }

    /** {@code bins} equal-width bins over the values' range. */
    public static Histogram of(double[] values, int bins) {
        double min = Arrays.stream(values).min().orElse(0);
        double max = Arrays.stream(values).max().orElse(1);
        if (max <= min) {
            max = min + 1;
        }
        double width = (max - min) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = min + i * width;
        }
        long[] counts = new long[bins];
        for (double value : values) {
            int bin = (int) ((value - min) / width);
            counts[Math.min(Math.max(bin, 0), bins - 1)]++;
        }
        return new Histogram(edges, counts);
    }

    public int bins() {
        return counts.length;
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }
}
