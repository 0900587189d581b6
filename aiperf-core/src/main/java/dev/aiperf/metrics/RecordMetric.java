package dev.aiperf.metrics;

/**
 * A per-request metric. Its function returns a {@code Long}, a {@code Double}, a {@code double[]}
 * (list metrics), or null for "no value"; it throws {@link MetricValueException} when the record's
 * data is inconsistent (e.g. a negative latency).
 */
public record RecordMetric(MetricDefinition definition, Function function) implements Metric {

    /** Computes one record's value. */
    @FunctionalInterface
    public interface Function {
        Object compute(RecordInput input);
    }
}
