package dev.aiperf.artifacts;

import java.util.List;

/**
 * The mean of a few repeated measurements with its 95% confidence interval (Student's t), as the
 * original's multi-run aggregates give it.
 *
 * @param mean the mean
 * @param low  lower end of the interval (the mean itself for one value)
 * @param high upper end of the interval
 * @param n    how many values
 */
public record MeanInterval(double mean, double low, double high, int n) {
    /** Two-sided 95% t quantiles for 1 to 10 degrees of freedom; 1.96 beyond (a normal approximation). */
    private static final double[] T95 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};

    public static MeanInterval of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n == 1) {
            return new MeanInterval(mean, mean, mean, 1);
        }
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        double t = n - 1 <= T95.length ? T95[n - 2] : 1.96;
        double half = t * Math.sqrt(variance / n);
        return new MeanInterval(mean, mean - half, mean + half, n);
    }
}
