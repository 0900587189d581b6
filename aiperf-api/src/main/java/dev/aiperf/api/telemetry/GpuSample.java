package dev.aiperf.api.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reading of one GPU (a line of {@code gpu_telemetry_export.jsonl}).
 *
 * @param timestampNs  epoch ns when it was collected
 * @param sourceUrl    where it came from (a DCGM exporter URL)
 * @param gpuIndex     index on its host
 * @param gpuUuid      unique id
 * @param gpuModelName model name
 * @param pciBusId     PCI bus id, or null
 * @param device       device name such as {@code nvidia0}, or null
 * @param hostname     host, or null
 * @param namespace    Kubernetes namespace, or null
 * @param podName      Kubernetes pod, or null
 * @param platform     {@code nvidia} or {@code amd}
 * @param metrics      values under the original's names and units, e.g. {@code nvidia_power_usage} in W,
 *                     {@code nvidia_energy_consumption} in MJ, {@code nvidia_memory_used} in GB
 */
public record GpuSample(long timestampNs, String sourceUrl, int gpuIndex, String gpuUuid, String gpuModelName,
                        String pciBusId, String device, String hostname, String namespace, String podName,
                        String platform, Map<String, Double> metrics) {
    public GpuSample {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
