package dev.aiperf.study;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.List;

/**
 * Cross-run statistics of one {@code <tag>_<stat>} key (metrics spec §5.7): mean, sample standard
 * deviation (n−1), extremes, coefficient of variation, standard error and the Student-t confidence
 * interval {@code mean ∓ t(1−α/2, n−1)·se}.
 */
public record ConfidenceStatistics(double mean, double std, double min, double max, double cv, double se,
                                   double ciLow, double ciHigh, double tCritical, String unit) {

    /** At least two values; {@code confidence} in (0, 1), e.g. 0.95. */
    public static ConfidenceStatistics of(List<Double> values, double confidence, String unit) {
        int n = values.size();
        if (n < 2) {
            throw new IllegalArgumentException("confidence statistics need at least 2 values, got " + n);
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / (n - 1));
        double cv = mean == 0 ? Double.POSITIVE_INFINITY : std / mean;
        double se = std / Math.sqrt(n);
        double alpha = 1 - confidence;
        // A tighter solver than the default 1e-9, so t matches scipy's t.ppf to about 1e-14.
        double t = new TDistribution(null, n - 1, 1e-14).inverseCumulativeProbability(1 - alpha / 2);
        return new ConfidenceStatistics(mean, std, min, max, cv, se, mean - t * se, mean + t * se, t, unit);
    }
}
