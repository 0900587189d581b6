package dev.aiperf.gpu;

import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import dev.aiperf.api.telemetry.GpuSummary;
import dev.aiperf.api.telemetry.GpuTelemetryResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The original's energy-efficiency analyzer (spec §5.2): GPU energy over the profiling window joined with the run's
 * token and request totals, as {@code nvidia_*} derived metrics ({@code unit} and {@code avg} only). They are kept
 * off the main metrics table ({@code NO_CONSOLE}); the GPU telemetry table shows them.
 */
public final class EnergyEfficiency {
    private static final Set<MetricFlag> FLAGS = Set.of(MetricFlag.NO_CONSOLE);

    private EnergyEfficiency() {
    }

    /**
     * @param telemetry   the GPU summaries of the run
     * @param run         the run's metric results (display units)
     * @param concurrency the configured concurrency, or null
     */
    public static List<MetricResult> metrics(GpuTelemetryResults telemetry, List<MetricResult> run, long startNs,
                                             long endNs, Integer concurrency) {
        List<MetricResult> out = new ArrayList<>();
        if (telemetry == null || telemetry.gpus().isEmpty()) {
            return out;
        }
        Map<String, MetricResult> byTag = run.stream()
                .collect(Collectors.toMap(MetricResult::tag, Function.identity(), (a, b) -> a));
        double durationSeconds = (endNs - startNs) / 1e9;
        double totalPower = 0;
        boolean anyPower = false;
        double energyJoules = 0;
        boolean anyEnergy = false;
        for (GpuSummary gpu : telemetry.gpus()) {
            Optional<MetricResult> power = metric(gpu, GpuMetricCatalog.POWER);
            if (power.isPresent()) {
                totalPower += power.get().avg();
                anyPower = true;
            }
            Optional<MetricResult> energy = metric(gpu, GpuMetricCatalog.ENERGY);
            if (energy.isPresent()) {
                energyJoules += energy.get().avg() * 1e6;
                anyEnergy = true;
            } else if (power.isPresent() && durationSeconds > 0) {
                energyJoules += power.get().avg() * durationSeconds;
                anyEnergy = true;
            }
        }
        if (anyPower) {
            out.add(scalar("nvidia_total_gpu_power", "NVIDIA Total GPU Power", "W", totalPower));
        }
        if (!anyEnergy) {
            return out;
        }
        out.add(scalar("nvidia_total_gpu_energy", "NVIDIA Total GPU Energy", "J", energyJoules));
        double averagePower = durationSeconds > 0 ? energyJoules / durationSeconds : totalPower;
        out.add(scalar("nvidia_average_gpu_power", "NVIDIA Average GPU Power", "W", averagePower));
        Double osl = avg(byTag, "total_osl");
        Double isl = avg(byTag, "total_isl");
        Double requests = avg(byTag, "request_count");
        if (osl != null && energyJoules > 0) {
            out.add(scalar("nvidia_output_tokens_per_joule", "NVIDIA Output Tokens per Joule", "tokens/J",
                    osl / energyJoules));
        }
        if (osl != null && osl > 0) {
            out.add(scalar("nvidia_energy_per_output_token", "NVIDIA Energy per Output Token", "mJ/token",
                    energyJoules * 1000 / osl));
            if (isl != null) {
                out.add(scalar("nvidia_energy_per_total_token", "NVIDIA Energy per Total Token", "mJ/token",
                        energyJoules * 1000 / (isl + osl)));
            }
        }
        Double energyPerRequest = null;
        if (requests != null && requests > 0) {
            energyPerRequest = energyJoules / requests;
            out.add(scalar("nvidia_energy_per_request", "NVIDIA Energy per Request", "J/request", energyPerRequest));
        }
        if (concurrency != null && concurrency > 0) {
            out.add(scalar("nvidia_energy_per_user", "NVIDIA Energy per User", "J/user", energyJoules / concurrency));
        }
        if (averagePower > 0) {
            perWatt(out, byTag, "request_throughput", "nvidia_performance_per_watt", "NVIDIA Performance per Watt",
                    "requests/sec/W", averagePower);
            perWatt(out, byTag, "output_token_throughput", "nvidia_output_tps_per_watt",
                    "NVIDIA Output TPS per Watt", "tokens/sec/W", averagePower);
            perWatt(out, byTag, "goodput", "nvidia_goodput_per_watt", "NVIDIA Goodput per Watt", "requests/sec/W",
                    averagePower);
        }
        Double latencyMs = avg(byTag, "request_latency");
        if (energyPerRequest != null && latencyMs != null) {
            out.add(scalar("nvidia_energy_delay_product", "NVIDIA Energy Delay Product", "J·s",
                    energyPerRequest * latencyMs / 1000));
        }
        return out;
    }

    private static void perWatt(List<MetricResult> out, Map<String, MetricResult> byTag, String source, String tag,
                                String header, String unit, double watts) {
        Double value = avg(byTag, source);
        if (value != null) {
            out.add(scalar(tag, header, unit, value / watts));
        }
    }

    private static Optional<MetricResult> metric(GpuSummary gpu, String tag) {
        return gpu.metrics().stream().filter(m -> m.tag().equals(tag) && m.avg() != null).findFirst();
    }

    private static Double avg(Map<String, MetricResult> byTag, String tag) {
        MetricResult result = byTag.get(tag);
        return result == null ? null : result.get(Statistic.AVG);
    }

    private static MetricResult scalar(String tag, String header, String unit, double value) {
        return MetricResult.scalar(tag, header, unit, FLAGS, null, value);
    }
}
