package dev.aiperf.api.export;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.record.MetricResult;

import java.util.List;
import java.util.Map;

/**
 * Everything exporters see at the end of a run.
 *
 * @param config           the run's configuration
 * @param endpointMetadata the endpoint used
 * @param results          run-level metric results, in display order
 * @param errorSummary     count of each distinct error
 * @param startWallNs      profiling phase start, epoch ns
 * @param endWallNs        profiling phase end, epoch ns
 * @param benchmarkId      UUID of this run
 * @param interrupted      whether the run was cut short (results cover what was measured)
 */
public record ExportContext(BenchmarkConfig config, EndpointMetadata endpointMetadata, List<MetricResult> results,
                            Map<ErrorDetails, Long> errorSummary, long startWallNs, long endWallNs,
                            String benchmarkId, boolean interrupted) {
    public ExportContext {
        results = List.copyOf(results);
        errorSummary = Map.copyOf(errorSummary);
    }
}
