package dev.aiperf.api.telemetry;

import java.util.List;

/**
 * One Prometheus metric family over the run.
 *
 * @param type        {@code gauge}, {@code counter}, {@code histogram} or {@code unknown} (untyped, treated as a
 *                    gauge); summaries are not kept, as in the original
 * @param description the HELP text, empty when there was none
 * @param unit        the unit inferred from the name or the description, or null
 * @param series      one per endpoint and label set, sorted by endpoint then labels
 */
public record ServerMetric(String type, String description, String unit, List<ServerMetricSeries> series) {
    public ServerMetric {
        series = List.copyOf(series);
    }
}
