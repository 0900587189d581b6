package dev.aiperf.api.telemetry;

import dev.aiperf.api.record.MetricResult;

import java.util.List;

/**
 * One GPU over the profiling window.
 *
 * @param endpoint  the source as {@code host:port} (the key of {@code telemetry_data.endpoints})
 * @param sourceUrl the full source URL
 * @param gpuIndex  index on its host
 * @param gpuName   model name, e.g. {@code NVIDIA H100 80GB HBM3}
 * @param gpuUuid   unique id
 * @param platform  {@code nvidia} or {@code amd}
 * @param hostname  host name when the source reports it, else null
 * @param namespace Kubernetes namespace when reported, else null
 * @param podName   Kubernetes pod when reported, else null
 * @param metrics   one result per metric: a distribution for gauges, a scalar delta for counters
 *                  (e.g. {@code nvidia_energy_consumption})
 */
public record GpuSummary(String endpoint, String sourceUrl, int gpuIndex, String gpuName, String gpuUuid,
                         String platform, String hostname, String namespace, String podName,
                         List<MetricResult> metrics) {
    public GpuSummary {
        metrics = List.copyOf(metrics);
    }
}
