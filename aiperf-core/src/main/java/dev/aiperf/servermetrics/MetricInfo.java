package dev.aiperf.servermetrics;

/**
 * What an endpoint says about one exported metric.
 *
 * @param type        {@code gauge}, {@code counter}, {@code histogram} or {@code unknown}
 * @param description the HELP text
 */
record MetricInfo(String type, String description) {
}
