package dev.aiperf.api.record;

/**
 * A metric's run-level statistics, in its display unit. Statistics that do not apply are null
 * (aggregate and derived metrics carry only {@code avg}).
 */
public record MetricResult(String tag, String header, String unit, Double avg, Double min, Double max,
                           Double p1, Double p5, Double p10, Double p25, Double p50, Double p75, Double p90,
                           Double p95, Double p99, Double std, Long count) {
}
