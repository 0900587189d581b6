package dev.aiperf.metrics;

/**
 * One metric: its {@link MetricDefinition} plus how its value is computed. The three kinds are
 * small records holding a function, so each catalogue entry reads as one formula.
 */
public sealed interface Metric permits RecordMetric, AggregateMetric, DerivedMetric {

    MetricDefinition definition();

    default String tag() {
        return definition().tag();
    }
}
