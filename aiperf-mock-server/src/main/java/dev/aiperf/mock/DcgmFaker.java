package dev.aiperf.mock;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A DCGM exporter's page for one fake node of {@code gpus} GPUs whose figures follow the mock's real load:
 * utilisation from the requests in flight (all GPUs of a tensor-parallel server are equally busy, with a small
 * per-GPU offset), power between idle and TDP with utilisation, an energy counter that integrates that power over
 * time, temperature, memory (weights plus the KV cache in use), and SM clock. Not random: the same load gives the
 * same page.
 */
final class DcgmFaker {
    private static final double IDLE_WATTS = 90;
    private static final double TDP_WATTS = 700;
    /** Requests in flight at which every GPU shows 100 % utilisation. */
    private static final double SATURATION_REQUESTS = 16;
    private static final double MEMORY_TOTAL_MIB = 143_771;
    private static final double WEIGHTS_MIB = 16_000;

    private final int node;
    private final int gpus;
    private final String gpuName;
    private final ServerLoad load;
    private final double[] energyMillijoules;
    private long lastNanos;

    DcgmFaker(int node, int gpus, String gpuName, ServerLoad load) {
        this.node = node;
        this.gpus = gpus;
        this.gpuName = gpuName;
        this.load = load;
        this.energyMillijoules = new double[gpus];
        for (int g = 0; g < gpus; g++) {
            energyMillijoules[g] = 1.0e9 * (node * 10 + g + 1); // "since boot"
        }
    }

    /** The page now; the energy counters advance by the power of the time since the last page. */
    synchronized byte[] page(long nowNanos) {
        double inFlight = Math.max(0, load.running.get()) + Math.max(0, load.waiting.get());
        double utilisation = Math.min(1.0, inFlight / SATURATION_REQUESTS);
        double seconds = lastNanos == 0 ? 0 : (nowNanos - lastNanos) / 1e9;
        lastNanos = nowNanos;
        StringBuilder out = new StringBuilder(4096);
        double[] util = new double[gpus];
        double[] power = new double[gpus];
        for (int g = 0; g < gpus; g++) {
            util[g] = utilisation == 0 ? 0 : Math.max(0, Math.min(1, utilisation - 0.02 * g));
            power[g] = IDLE_WATTS + (TDP_WATTS - IDLE_WATTS) * util[g];
            energyMillijoules[g] += power[g] * seconds * 1000;
        }
        field(out, "DCGM_FI_DEV_SM_CLOCK", "gauge", "SM clock frequency (in MHz).", g -> 1980.0 * (0.5 + util[g] / 2));
        field(out, "DCGM_FI_DEV_MEM_CLOCK", "gauge", "Memory clock frequency (in MHz).", g -> 2619.0);
        field(out, "DCGM_FI_DEV_GPU_TEMP", "gauge", "GPU temperature (in C).", g -> 34.0 + 45 * util[g]);
        field(out, "DCGM_FI_DEV_POWER_USAGE", "gauge", "Power draw (in W).", g -> power[g]);
        field(out, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "counter",
                "Total energy consumption since boot (in mJ).", g -> Math.floor(energyMillijoules[g]));
        field(out, "DCGM_FI_DEV_GPU_UTIL", "gauge", "GPU utilization (in %).", g -> Math.rint(100 * util[g]));
        field(out, "DCGM_FI_DEV_MEM_COPY_UTIL", "gauge", "Memory utilization (in %).",
                g -> Math.rint(60 * util[g]));
        field(out, "DCGM_FI_DEV_ENC_UTIL", "gauge", "Encoder utilization (in %).", g -> 0.0);
        field(out, "DCGM_FI_DEV_DEC_UTIL", "gauge", "Decoder utilization (in %).", g -> 0.0);
        field(out, "DCGM_FI_DEV_XID_ERRORS", "gauge", "Value of the last XID error encountered.", g -> 0.0);
        field(out, "DCGM_FI_DEV_POWER_VIOLATION", "counter",
                "Throttling duration due to power constraints (in us).", g -> 0.0);
        field(out, "DCGM_FI_DEV_FB_USED", "gauge", "Framebuffer memory used (in MiB).",
                g -> Math.rint(WEIGHTS_MIB + load.kvCacheUsage() * (MEMORY_TOTAL_MIB - WEIGHTS_MIB - 4096)));
        field(out, "DCGM_FI_DEV_FB_FREE", "gauge", "Framebuffer memory free (in MiB).",
                g -> Math.rint(MEMORY_TOTAL_MIB - WEIGHTS_MIB
                        - load.kvCacheUsage() * (MEMORY_TOTAL_MIB - WEIGHTS_MIB - 4096)));
        field(out, "DCGM_FI_PROF_SM_ACTIVE", "gauge", "Ratio of cycles an SM has at least 1 warp assigned.",
                g -> 0.9 * util[g]);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private interface PerGpu {
        double value(int gpu);
    }

    private void field(StringBuilder out, String name, String type, String help, PerGpu values) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (int g = 0; g < gpus; g++) {
            out.append(name).append("{gpu=\"").append(g).append("\",UUID=\"").append(uuid(g))
                    .append("\",pci_bus_id=\"00000000:").append(String.format(Locale.ROOT, "%02X", 0x18 + g))
                    .append(":00.0\",device=\"nvidia").append(g).append("\",modelName=\"")
                    .append(MetricsPages.escape(gpuName)).append("\",Hostname=\"mock-node-").append(node)
                    .append("\",DCGM_FI_DRIVER_VERSION=\"570.124.06\"} ");
            double value = values.value(g);
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                out.append((long) value);
            } else {
                out.append(String.format(Locale.ROOT, "%.6f", value));
            }
            out.append('\n');
        }
    }

    private String uuid(int gpu) {
        return String.format(Locale.ROOT, "GPU-%08x-0000-4000-8000-%012x", 0x6d6f636b + node, gpu);
    }
}
