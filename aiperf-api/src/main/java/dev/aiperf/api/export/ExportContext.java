package dev.aiperf.api.export;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.telemetry.GpuTelemetryResults;
import dev.aiperf.api.telemetry.ServerMetricsResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything exporters see at the end of a run. The engine builds it once from the results
 * processor's {@code processResults()} and its error summary, then hands the same instance to
 * every data exporter and then every console exporter.
 *
 * @param config           the run's configuration
 * @param endpointMetadata the endpoint used
 * @param results          run-level metric results in display units, in result order
 * @param errorSummary     each distinct error with its count, in first-seen order
 * @param startWallNs      profiling phase start, epoch ns (0 when unknown)
 * @param endWallNs        when the last profiling request completed, epoch ns (0 when unknown)
 * @param benchmarkId      UUID of this run
 * @param aiperfVersion    version of this tool, written to the summary JSON
 * @param interrupted      whether the run was cut short (results cover what was measured)
 * @param clientHealth     whether the client kept up with the load, or null when not assessed
 * @param serverMetrics    the servers' Prometheus metrics over the run, or null when none were scraped
 * @param gpuTelemetry     the GPUs' telemetry over the run, or null when none was collected
 */
public record ExportContext(BenchmarkConfig config, EndpointMetadata endpointMetadata, List<MetricResult> results,
                            List<ErrorCount> errorSummary, long startWallNs, long endWallNs,
                            String benchmarkId, String aiperfVersion, boolean interrupted,
                            ClientHealth clientHealth, ServerMetricsResults serverMetrics,
                            GpuTelemetryResults gpuTelemetry) {
    public ExportContext {
        results = List.copyOf(results);
        errorSummary = List.copyOf(errorSummary);
    }

    /** A context without a client health assessment. */
    public ExportContext(BenchmarkConfig config, EndpointMetadata endpointMetadata, List<MetricResult> results,
                         List<ErrorCount> errorSummary, long startWallNs, long endWallNs,
                         String benchmarkId, String aiperfVersion, boolean interrupted) {
        this(config, endpointMetadata, results, errorSummary, startWallNs, endWallNs, benchmarkId, aiperfVersion,
                interrupted, null, null, null);
    }

    /** The same context with a client health assessment. */
    public ExportContext withClientHealth(ClientHealth health) {
        return new ExportContext(config, endpointMetadata, results, errorSummary, startWallNs, endWallNs, benchmarkId,
                aiperfVersion, interrupted, health, serverMetrics, gpuTelemetry);
    }

    /**
     * The same context with what was observed on the server side; {@code extraResults} (e.g. the GPU energy
     * metrics) are appended to the results.
     */
    public ExportContext withTelemetry(ServerMetricsResults newServerMetrics, GpuTelemetryResults newGpuTelemetry,
                                       List<MetricResult> extraResults) {
        List<MetricResult> all = new ArrayList<>(results);
        all.addAll(extraResults);
        return new ExportContext(config, endpointMetadata, all, errorSummary, startWallNs, endWallNs, benchmarkId,
                aiperfVersion, interrupted, clientHealth, newServerMetrics, newGpuTelemetry);
    }

    /** The result of one metric, if the run produced it. */
    public Optional<MetricResult> result(String tag) {
        return results.stream().filter(r -> r.tag().equals(tag)).findFirst();
    }

    /** True when there is nothing to export: no metric result at all (not even error counts). */
    public boolean isEmpty() {
        return results.isEmpty();
    }
}
