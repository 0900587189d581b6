package dev.aiperf.api.export;

import dev.aiperf.api.record.MetricResult;

import java.util.List;

/**
 * One GPU's telemetry summary over the profiling window, as the summary JSON's
 * {@code telemetry_data.endpoints."<host:port>".gpus."gpu_<index>"} object writes it (schema 1.5).
 *
 * @param gpuIndex  the GPU's index on its host
 * @param gpuName   model name, e.g. {@code NVIDIA H100 80GB HBM3}
 * @param gpuUuid   the GPU's UUID
 * @param platform  {@code nvidia}, {@code amd} or {@code unknown} (schema 1.5)
 * @param hostname  the host the exporter runs on, or null
 * @param namespace Kubernetes namespace, or null
 * @param podName   Kubernetes pod, or null
 * @param metrics   one result per metric, keyed by its tag (vendor-scoped: {@code nvidia_power_usage}, ...)
 */
public record GpuTelemetry(int gpuIndex, String gpuName, String gpuUuid, String platform, String hostname,
                           String namespace, String podName, List<MetricResult> metrics) {
    public GpuTelemetry {
        metrics = List.copyOf(metrics);
        platform = platform == null ? "unknown" : platform;
    }
}
