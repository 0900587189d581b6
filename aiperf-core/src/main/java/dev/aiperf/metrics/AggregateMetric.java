package dev.aiperf.metrics;

/**
 * A metric folded over the run: each request contributes a whole number (1 for counters, a
 * timestamp for min/max), and the run value is their sum, minimum or maximum. Integers keep wall
 * timestamps exact; they exceed what a double holds to the nanosecond.
 */
public record AggregateMetric(MetricDefinition definition, Aggregation aggregation, Contribution contribution)
        implements Metric {

    /** One request's contribution, or null for none. */
    @FunctionalInterface
    public interface Contribution {
        Long compute(RecordInput input);
    }

    /** How contributions fold into the run value. */
    public enum Aggregation {
        SUM(0L),
        MIN(Long.MAX_VALUE),
        MAX(0L);

        private final long initial;

        Aggregation(long initial) {
            this.initial = initial;
        }

        public long initial() {
            return initial;
        }

        public long fold(long accumulated, long contribution) {
            return switch (this) {
                case SUM -> accumulated + contribution;
                case MIN -> Math.min(accumulated, contribution);
                case MAX -> Math.max(accumulated, contribution);
            };
        }
    }
}
