package dev.aiperf.gpu;

import java.util.List;
import java.util.Set;

/**
 * The GPU metrics the original reports, with its names (schema 1.5, vendor-scoped), display names and units, in its
 * display order; plus {@code nvidia_sm_clock}, which this tool adds.
 */
public final class GpuMetricCatalog {
    /** One GPU metric: tag, display name, unit, and whether it is a cumulative counter (reported as a delta). */
    public record Entry(String tag, String header, String unit, boolean counter) {
    }

    public static final String POWER = "nvidia_power_usage";
    public static final String ENERGY = "nvidia_energy_consumption";

    public static final List<Entry> ENTRIES = List.of(
            new Entry(POWER, "NVIDIA GPU Power Usage", "W", false),
            new Entry(ENERGY, "NVIDIA Energy Consumption", "MJ", true),
            new Entry("nvidia_gpu_utilization", "NVIDIA GPU Utilization", "%", false),
            new Entry("nvidia_memory_utilization", "NVIDIA Memory Utilization", "%", false),
            new Entry("nvidia_memory_used", "NVIDIA GPU Memory Used", "GB", false),
            new Entry("nvidia_temperature", "NVIDIA GPU Temperature", "°C", false),
            new Entry("nvidia_sm_utilization", "NVIDIA SM Utilization", "%", false),
            new Entry("nvidia_decoder_utilization", "NVIDIA Decoder Utilization", "%", false),
            new Entry("nvidia_encoder_utilization", "NVIDIA Encoder Utilization", "%", false),
            new Entry("nvidia_jpg_utilization", "NVIDIA JPEG Utilization", "%", false),
            new Entry("nvidia_xid_errors", "NVIDIA XID Errors", "count", true),
            new Entry("nvidia_power_violation", "NVIDIA Power Violation", "us", true),
            new Entry("nvidia_sm_clock", "NVIDIA SM Clock", "MHz", false));

    public static final Set<String> COUNTERS = Set.of(ENERGY, "nvidia_xid_errors", "nvidia_power_violation");

    private GpuMetricCatalog() {
    }
}
