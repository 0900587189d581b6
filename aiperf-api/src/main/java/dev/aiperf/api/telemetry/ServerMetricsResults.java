package dev.aiperf.api.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus metrics scraped from the servers during a run, with statistics over the profiling
 * window (the layout of the original's {@code server_metrics_export.json}).
 *
 * @param endpointsConfigured every endpoint the run tried to scrape
 * @param endpointsSuccessful those that answered with metrics at least once
 * @param startNs             profiling start, epoch ns
 * @param endNs               profiling end, epoch ns
 * @param endpointInfo        per endpoint URL: how the scraping went
 * @param metrics             per metric name (sorted): type, description, unit and one series per endpoint and
 *                            label set
 */
public record ServerMetricsResults(List<String> endpointsConfigured, List<String> endpointsSuccessful, long startNs,
                                   long endNs, Map<String, ServerMetricsEndpointInfo> endpointInfo,
                                   Map<String, ServerMetric> metrics) {
    public ServerMetricsResults {
        endpointsConfigured = List.copyOf(endpointsConfigured);
        endpointsSuccessful = List.copyOf(endpointsSuccessful);
        endpointInfo = Collections.unmodifiableMap(new LinkedHashMap<>(endpointInfo));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
