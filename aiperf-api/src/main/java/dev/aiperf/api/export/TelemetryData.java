package dev.aiperf.api.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GPU telemetry of a run, as the summary JSON's {@code telemetry_data} writes it (schema 1.5). The
 * summary JSON always carries it; a run without GPU telemetry has {@link #NONE}: no endpoint configured.
 *
 * @param endpointsConfigured  telemetry endpoints the run was asked to read
 * @param endpointsSuccessful  those that answered at least once
 * @param startWallNs          start of the telemetry window, epoch ns (0 when unknown)
 * @param endWallNs            end of the telemetry window, epoch ns (0 when unknown)
 * @param endpoints            per endpoint ({@code host:port}), its GPUs in index order
 * @param errorSummary         distinct collection errors with their counts; empty when none
 */
public record TelemetryData(List<String> endpointsConfigured, List<String> endpointsSuccessful, long startWallNs,
                            long endWallNs, Map<String, List<GpuTelemetry>> endpoints, List<ErrorCount> errorSummary) {
    /** No GPU telemetry was collected. */
    public static final TelemetryData NONE = new TelemetryData(List.of(), List.of(), 0, 0, Map.of(), List.of());

    public TelemetryData {
        endpointsConfigured = List.copyOf(endpointsConfigured);
        endpointsSuccessful = List.copyOf(endpointsSuccessful);
        Map<String, List<GpuTelemetry>> copy = new LinkedHashMap<>();
        endpoints.forEach((endpoint, gpus) -> copy.put(endpoint, List.copyOf(gpus)));
        endpoints = Collections.unmodifiableMap(copy);
        errorSummary = List.copyOf(errorSummary);
    }

    /** True when no GPU reported anything. */
    public boolean hasGpus() {
        return endpoints.values().stream().anyMatch(gpus -> !gpus.isEmpty());
    }
}
