package dev.aiperf.metrics;

/**
 * A metric could not be computed because the record's data is inconsistent (for example a
 * response that arrived before its request started). The metric is skipped for that record and a
 * warning is logged, as the original does.
 */
public final class MetricValueException extends RuntimeException {
    public MetricValueException(String message) {
        super(message, null, false, false);
    }
}
