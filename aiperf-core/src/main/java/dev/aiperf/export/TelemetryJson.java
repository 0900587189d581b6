package dev.aiperf.export;

import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.GpuTelemetry;
import dev.aiperf.api.export.TelemetryData;
import dev.aiperf.api.record.MetricResult;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary JSON's {@code telemetry_data} object (schema 1.5): {@code summary}, then per endpoint its
 * GPUs as {@code gpu_<index>} with {@code platform} and their metric blocks, then the collection errors.
 * Always written: a run without GPU telemetry says so with no endpoint configured.
 */
final class TelemetryJson {
    private TelemetryJson() {
    }

    static Map<String, Object> of(ExportContext context, ZoneId zone) {
        TelemetryData telemetry = context.telemetryData();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("endpoints_configured", telemetry.endpointsConfigured());
        summary.put("endpoints_successful", telemetry.endpointsSuccessful());
        // Without a telemetry window of its own, the profiling window.
        long start = telemetry.startWallNs() > 0 ? telemetry.startWallNs() : context.startWallNs();
        long end = telemetry.endWallNs() > 0 ? telemetry.endWallNs() : context.endWallNs();
        summary.put("start_time", start > 0 ? NaiveLocalTime.format(start, zone) : null);
        summary.put("end_time", end > 0 ? NaiveLocalTime.format(end, zone) : null);
        Map<String, Object> endpoints = new LinkedHashMap<>();
        telemetry.endpoints().forEach((endpoint, gpus) -> {
            Map<String, Object> byGpu = new LinkedHashMap<>();
            for (GpuTelemetry gpu : gpus) {
                byGpu.put("gpu_" + gpu.gpuIndex(), gpu(gpu));
            }
            endpoints.put(endpoint, Map.of("gpus", byGpu));
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("summary", summary);
        json.put("endpoints", endpoints);
        json.put("error_summary", telemetry.errorSummary().isEmpty() ? null
                : telemetry.errorSummary().stream().map(MetricsJsonExporter::errorCount).toList());
        return json;
    }

    private static Map<String, Object> gpu(GpuTelemetry gpu) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("gpu_index", gpu.gpuIndex());
        json.put("gpu_name", gpu.gpuName());
        json.put("gpu_uuid", gpu.gpuUuid());
        json.put("platform", gpu.platform());
        json.put("hostname", gpu.hostname());
        json.put("namespace", gpu.namespace());
        json.put("pod_name", gpu.podName());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (MetricResult metric : gpu.metrics()) {
            metrics.put(metric.tag(), MetricJson.of(metric));
        }
        json.put("metrics", metrics);
        return json;
    }

    /** The GPUs of every endpoint, in order, with their endpoint: the rows of the CSV's GPU section. */
    static List<Map.Entry<String, GpuTelemetry>> rows(TelemetryData telemetry) {
        return telemetry.endpoints().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(gpu -> Map.entry(e.getKey(), gpu))).toList();
    }
}
