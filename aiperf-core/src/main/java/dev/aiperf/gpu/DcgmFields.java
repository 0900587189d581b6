package dev.aiperf.gpu;

import java.util.Map;

/**
 * DCGM exporter fields and how each becomes one of the original's GPU metrics: the name it maps to and the factor
 * from the exporter's unit to the reported one (energy mJ to MJ, frame-buffer MiB to GB, SM activity ratio to %).
 */
final class DcgmFields {
    record Mapping(String tag, double factor) {
    }

    static final Map<String, Mapping> FIELDS = Map.ofEntries(
            Map.entry("DCGM_FI_DEV_POWER_USAGE", new Mapping(GpuMetricCatalog.POWER, 1)),
            Map.entry("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", new Mapping(GpuMetricCatalog.ENERGY, 1e-9)),
            Map.entry("DCGM_FI_DEV_GPU_UTIL", new Mapping("nvidia_gpu_utilization", 1)),
            Map.entry("DCGM_FI_DEV_MEM_COPY_UTIL", new Mapping("nvidia_memory_utilization", 1)),
            Map.entry("DCGM_FI_DEV_FB_USED", new Mapping("nvidia_memory_used", 1.048576 / 1000)),
            Map.entry("DCGM_FI_DEV_GPU_TEMP", new Mapping("nvidia_temperature", 1)),
            Map.entry("DCGM_FI_DEV_ENC_UTIL", new Mapping("nvidia_encoder_utilization", 1)),
            Map.entry("DCGM_FI_DEV_DEC_UTIL", new Mapping("nvidia_decoder_utilization", 1)),
            Map.entry("DCGM_FI_PROF_SM_ACTIVE", new Mapping("nvidia_sm_utilization", 100)),
            Map.entry("DCGM_FI_DEV_XID_ERRORS", new Mapping("nvidia_xid_errors", 1)),
            Map.entry("DCGM_FI_DEV_POWER_VIOLATION", new Mapping("nvidia_power_violation", 1)),
            Map.entry("DCGM_FI_DEV_SM_CLOCK", new Mapping("nvidia_sm_clock", 1)));

    private DcgmFields() {
    }
}
