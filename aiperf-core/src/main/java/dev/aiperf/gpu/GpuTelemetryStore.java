package dev.aiperf.gpu;

import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import dev.aiperf.api.telemetry.GpuSample;
import dev.aiperf.api.telemetry.GpuSummary;
import dev.aiperf.api.telemetry.GpuTelemetryResults;
import dev.aiperf.metrics.DistributionStatistics;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every GPU sample of a run, by source and GPU, and their summaries over the profiling window: gauges as a
 * distribution of the samples in the window (sample std, ddof 1); counters (energy, XID errors, power violation) as
 * the change from the last sample at or before the start to the last one within {@link #END_GRACE_NS} after the end,
 * negative changes (a restarted exporter) clamped to 0, as the original does.
 */
public final class GpuTelemetryStore {
    /** The original's {@code AIPERF_GPU_FINAL_SCRAPE_GRACE_NS}: about two collection intervals. */
    static final long END_GRACE_NS = 666_000_000L;

    private final Map<String, Gpu> gpus = new LinkedHashMap<>();

    private static final class Gpu {
        GpuSample first;
        final Map<String, double[]> values = new LinkedHashMap<>();
        long[] times = new long[16];
        int size;

        void add(GpuSample sample) {
            if (first == null) {
                first = sample;
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values.replaceAll((k, v) -> Arrays.copyOf(v, size * 2));
            }
            times[size] = sample.timestampNs();
            for (Map.Entry<String, Double> metric : sample.metrics().entrySet()) {
                double[] column = values.computeIfAbsent(metric.getKey(), k -> {
                    double[] fresh = new double[times.length];
                    Arrays.fill(fresh, Double.NaN);
                    return fresh;
                });
                column[size] = metric.getValue();
            }
            for (Map.Entry<String, double[]> column : values.entrySet()) {
                if (!sample.metrics().containsKey(column.getKey())) {
                    column.getValue()[size] = Double.NaN;
                }
            }
            size++;
        }
    }

    public void add(GpuSample sample) {
        String key = sample.sourceUrl() + "|" + (sample.gpuUuid().isEmpty() ? "#" + sample.gpuIndex() : sample.gpuUuid());
        gpus.computeIfAbsent(key, k -> new Gpu()).add(sample);
    }

    /** Sources that produced at least one sample, in first-seen order. */
    public List<String> sources() {
        return gpus.values().stream().map(g -> g.first.sourceUrl()).distinct().toList();
    }

    public GpuTelemetryResults results(List<String> configured, long startNs, long endNs) {
        List<GpuSummary> summaries = new ArrayList<>();
        for (Gpu gpu : gpus.values()) {
            List<MetricResult> metrics = new ArrayList<>();
            for (GpuMetricCatalog.Entry entry : GpuMetricCatalog.ENTRIES) {
                double[] column = gpu.values.get(entry.tag());
                if (column == null) {
                    continue;
                }
                MetricResult result = entry.counter() ? delta(entry, gpu, column, startNs, endNs)
                        : distribution(entry, gpu, column, startNs, endNs);
                if (result != null) {
                    metrics.add(result);
                }
            }
            GpuSample first = gpu.first;
            summaries.add(new GpuSummary(hostPort(first.sourceUrl()), first.sourceUrl(), first.gpuIndex(),
                    first.gpuModelName(), first.gpuUuid(), first.platform(), first.hostname(), first.namespace(),
                    first.podName(), metrics));
        }
        return new GpuTelemetryResults(configured, sources(), startNs, endNs, summaries);
    }

    private static MetricResult distribution(GpuMetricCatalog.Entry entry, Gpu gpu, double[] column, long startNs,
                                             long endNs) {
        double[] values = new double[gpu.size];
        int n = 0;
        for (int i = 0; i < gpu.size; i++) {
            if (gpu.times[i] >= startNs && gpu.times[i] <= endNs && !Double.isNaN(column[i])) {
                values[n++] = column[i];
            }
        }
        if (n == 0) {
            for (int i = 0; i < gpu.size; i++) {
                if (gpu.times[i] >= startNs && !Double.isNaN(column[i])) {
                    values[n++] = column[i];
                }
            }
        }
        if (n == 0) {
            return null;
        }
        double sum = DistributionStatistics.pairwiseSum(values, 0, n);
        Map<Statistic, Double> stats = new EnumMap<>(DistributionStatistics.of(values, n, sum));
        double mean = stats.get(Statistic.AVG);
        double squares = 0;
        for (int i = 0; i < n; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        stats.put(Statistic.STD, n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0);
        return new MetricResult(entry.tag(), entry.header(), entry.unit(), Set.of(), null, stats, n);
    }

    private static MetricResult delta(GpuMetricCatalog.Entry entry, Gpu gpu, double[] column, long startNs,
                                      long endNs) {
        int reference = -1;
        int last = -1;
        for (int i = 0; i < gpu.size; i++) {
            if (Double.isNaN(column[i])) {
                continue;
            }
            if (gpu.times[i] <= startNs) {
                reference = i;
            }
            if (gpu.times[i] <= endNs + END_GRACE_NS) {
                last = i;
            }
        }
        if (last < 0) {
            return null;
        }
        if (reference < 0) {
            for (int i = 0; i < gpu.size; i++) {
                if (!Double.isNaN(column[i]) && gpu.times[i] >= startNs) {
                    reference = i;
                    break;
                }
            }
        }
        if (reference < 0) {
            return null;
        }
        double change = Math.max(0, column[last] - column[reference]);
        return MetricResult.scalar(entry.tag(), entry.header(), entry.unit(), Set.of(), null, change);
    }

    static String hostPort(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return url;
            }
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
