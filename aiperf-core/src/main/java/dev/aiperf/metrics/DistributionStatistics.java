package dev.aiperf.metrics;

import dev.aiperf.api.record.Statistic;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Run statistics of a per-request metric, computed exactly as NumPy does so results match the
 * original bit for bit (metrics spec §4): percentiles by linear interpolation (Hyndman-Fan type 7,
 * with NumPy's two-sided lerp), population standard deviation, and NumPy's pairwise summation for
 * the mean and variance.
 */
public final class DistributionStatistics {
    /** NumPy's unrolled block size for pairwise summation. */
    private static final int PAIRWISE_BLOCK = 128;
    private static final Statistic[] PERCENTILES = Arrays.stream(Statistic.values()).filter(Statistic::isPercentile)
            .toArray(Statistic[]::new);

    private DistributionStatistics() {
    }

    /** Every {@link Statistic} of the first {@code n} values; {@code sum} is the running sum kept while adding. */
    public static Map<Statistic, Double> of(double[] values, int n, double sum) {
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        // Only the positions the statistics read are put in sorted order: the same values as a full sort.
        double[] sorted = Arrays.copyOf(values, n);
        OrderStatistics.select(sorted, n, positionsRead(n));
        Map<Statistic, Double> stats = new EnumMap<>(Statistic.class);
        stats.put(Statistic.AVG, mean(values, n));
        stats.put(Statistic.MIN, sorted[0]);
        stats.put(Statistic.MAX, sorted[n - 1]);
        stats.put(Statistic.SUM, sum);
        for (Statistic statistic : Statistic.values()) {
            if (statistic.isPercentile()) {
                stats.put(statistic, percentileOfSorted(sorted, n, statistic.percentile()));
            }
        }
        stats.put(Statistic.STD, std(values, n));
        return stats;
    }

    /** The sorted positions {@link #of} reads: the first, the last, and both neighbours of every percentile's. */
    private static int[] positionsRead(int n) {
        int[] positions = new int[2 + 2 * PERCENTILES.length];
        int count = 0;
        positions[count++] = 0;
        positions[count++] = n - 1;
        for (Statistic statistic : PERCENTILES) {
            int below = below(n, statistic.percentile());
            positions[count++] = below;
            positions[count++] = Math.min(below + 1, n - 1);
        }
        Arrays.sort(positions);
        return positions;
    }

    /** The position below (or at) percentile {@code q}'s virtual index, as {@link #percentileOfSorted} finds it. */
    private static int below(int n, double q) {
        double virtualIndex = (n - 1) * (q / 100.0);
        return Math.max(0, Math.min((int) Math.floor(virtualIndex), n - 1));
    }

    /** NumPy {@code mean}: pairwise sum divided by n. */
    public static double mean(double[] values, int n) {
        return pairwiseSum(values, 0, n) / n;
    }

    /** NumPy {@code std} with ddof 0: the population standard deviation. */
    public static double std(double[] values, int n) {
        double mean = mean(values, n);
        double[] squares = new double[n];
        for (int i = 0; i < n; i++) {
            double deviation = values[i] - mean;
            squares[i] = deviation * deviation;
        }
        return Math.sqrt(pairwiseSum(squares, 0, n) / n);
    }

    /**
     * NumPy {@code percentile(x, q)} with the default linear method, for values already sorted.
     * The virtual index is {@code (n - 1) * (q / 100)}; between neighbours {@code a} and {@code b}
     * the value is {@code a + (b - a) * t}, or {@code b - (b - a) * (1 - t)} when {@code t >= 0.5},
     * which is how NumPy interpolates (the two differ in the last bit).
     */
    public static double percentileOfSorted(double[] sorted, int n, double q) {
        double virtualIndex = (n - 1) * (q / 100.0);
        int below = below(n, q);
        int above = Math.min(below + 1, n - 1);
        double t = virtualIndex - below;
        double a = sorted[below];
        double b = sorted[above];
        double difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }

    /**
     * NumPy's pairwise summation of {@code values[from, from + n)}: a plain loop below 8 values, eight
     * interleaved accumulators up to 128, and recursive halves (at multiples of 8) above that.
     */
    public static double pairwiseSum(double[] values, int from, int n) {
        if (n < 8) {
            double result = 0.0;
            for (int i = 0; i < n; i++) {
                result += values[from + i];
            }
            return result;
        }
        if (n <= PAIRWISE_BLOCK) {
            double r0 = values[from];
            double r1 = values[from + 1];
            double r2 = values[from + 2];
            double r3 = values[from + 3];
            double r4 = values[from + 4];
            double r5 = values[from + 5];
            double r6 = values[from + 6];
            double r7 = values[from + 7];
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                r0 += values[from + i];
                r1 += values[from + i + 1];
                r2 += values[from + i + 2];
                r3 += values[from + i + 3];
                r4 += values[from + i + 4];
                r5 += values[from + i + 5];
                r6 += values[from + i + 6];
                r7 += values[from + i + 7];
            }
            double result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                result += values[from + i];
            }
            return result;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwiseSum(values, from, half) + pairwiseSum(values, from + half, n - half);
    }
}
