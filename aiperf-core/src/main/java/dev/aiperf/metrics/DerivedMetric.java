package dev.aiperf.metrics;

/**
 * A metric computed once per run from other run-level values. Its function returns a
 * {@code Long} or {@code Double}, or null for "no value".
 */
public record DerivedMetric(MetricDefinition definition, Function function) implements Metric {

    /** Computes the run value. */
    @FunctionalInterface
    public interface Function {
        Number compute(RunInput input);
    }
}
