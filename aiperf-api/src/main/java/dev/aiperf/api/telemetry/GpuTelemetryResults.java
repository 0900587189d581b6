package dev.aiperf.api.telemetry;

import java.util.List;

/**
 * The GPU telemetry of a run, summarised over the profiling window: what the summary JSON's
 * {@code telemetry_data} and the GPU console table show.
 *
 * @param endpointsConfigured every telemetry source the run tried
 * @param endpointsSuccessful those that returned GPU samples
 * @param startNs             profiling start, epoch ns
 * @param endNs               profiling end, epoch ns
 * @param gpus                one summary per GPU, by source then GPU index
 */
public record GpuTelemetryResults(List<String> endpointsConfigured, List<String> endpointsSuccessful, long startNs,
                                  long endNs, List<GpuSummary> gpus) {
    public GpuTelemetryResults {
        endpointsConfigured = List.copyOf(endpointsConfigured);
        endpointsSuccessful = List.copyOf(endpointsSuccessful);
        gpus = List.copyOf(gpus);
    }
}
