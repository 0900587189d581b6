package dev.aiperf.metrics;

/** Where a metric is computed (metrics spec §1.2). */
public enum MetricKind {
    /** Per request; the run result is the distribution of the values. */
    RECORD,
    /** Per request, folded into one running value (a count, a min, a max). */
    AGGREGATE,
    /** Once per run, from other run-level values. */
    DERIVED
}
