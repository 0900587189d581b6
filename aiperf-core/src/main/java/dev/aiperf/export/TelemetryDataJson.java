package dev.aiperf.export;

import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.telemetry.GpuSummary;
import dev.aiperf.api.telemetry.GpuTelemetryResults;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary JSON's {@code telemetry_data} (schema 1.5): {@code summary} (endpoints configured and successful,
 * start and end), and {@code endpoints."<host:port>".gpus."gpu_<i>"} with each GPU's index, name, UUID,
 * {@code platform}, hostname (namespace and pod when known) and a metric block per metric.
 */
public final class TelemetryDataJson {
    private TelemetryDataJson() {
    }

    /** The object, or null when no GPU telemetry was collected. */
    public static Map<String, Object> of(GpuTelemetryResults telemetry, ZoneId zone) {
        if (telemetry == null || telemetry.gpus().isEmpty()) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("endpoints_configured", telemetry.endpointsConfigured());
        summary.put("endpoints_successful", telemetry.endpointsSuccessful());
        summary.put("start_time", NaiveLocalTime.format(telemetry.startNs(), zone));
        summary.put("end_time", NaiveLocalTime.format(telemetry.endNs(), zone));
        json.put("summary", summary);
        Map<String, Object> endpoints = new LinkedHashMap<>();
        for (GpuSummary gpu : telemetry.gpus()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> gpus = (Map<String, Object>) ((Map<String, Object>) endpoints.computeIfAbsent(
                    gpu.endpoint(), k -> {
                        Map<String, Object> endpoint = new LinkedHashMap<>();
                        endpoint.put("gpus", new LinkedHashMap<String, Object>());
                        return endpoint;
                    })).get("gpus");
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("gpu_index", gpu.gpuIndex());
            entry.put("gpu_name", gpu.gpuName());
            entry.put("gpu_uuid", gpu.gpuUuid());
            entry.put("platform", gpu.platform());
            entry.put("hostname", gpu.hostname());
            entry.put("namespace", gpu.namespace());
            entry.put("pod_name", gpu.podName());
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (MetricResult metric : gpu.metrics()) {
                metrics.put(metric.tag(), MetricJson.of(metric));
            }
            entry.put("metrics", metrics);
            gpus.put("gpu_" + gpu.gpuIndex(), entry);
        }
        json.put("endpoints", endpoints);
        return json;
    }
}
