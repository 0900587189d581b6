package dev.aiperf.gpu;

import dev.aiperf.api.telemetry.GpuSample;
import dev.aiperf.api.telemetry.GpuTelemetryCollector;
import dev.aiperf.api.telemetry.GpuTelemetryCollectorContext;
import dev.aiperf.prometheus.MetricFamily;
import dev.aiperf.prometheus.MetricsFetcher;
import dev.aiperf.prometheus.PrometheusTextParser;
import dev.aiperf.prometheus.Sample;
import dev.aiperf.prometheus.SeriesCache;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dcgm} GPU telemetry collector: reads a DCGM exporter's Prometheus page (default
 * {@code http://localhost:9400/metrics}) with the same parser as the server metrics, one {@link GpuSample} per GPU
 * (series told apart by the {@code UUID} label, else {@code gpu}).
 */
public final class DcgmTelemetryCollector implements GpuTelemetryCollector {
    private final String url;
    private final MetricsFetcher fetcher;
    private final SeriesCache cache = new SeriesCache();

    public DcgmTelemetryCollector(GpuTelemetryCollectorContext context) {
        this(context.url(), new MetricsFetcher(Duration.ofSeconds(5)));
    }

    DcgmTelemetryCollector(String url, MetricsFetcher fetcher) {
        this.url = url;
        this.fetcher = fetcher;
    }

    @Override
    public String sourceUrl() {
        return url;
    }

    @Override
    public List<GpuSample> collect() throws IOException {
        MetricsFetcher.Page page = fetcher.fetch(url);
        if (page.status() != 200) {
            throw new IOException(url + " answered HTTP " + page.status());
        }
        List<GpuSample> samples = samples(url, page.doneWallNs(), PrometheusTextParser.parse(page.body(), cache)
                .families());
        if (samples.isEmpty()) {
            throw new IOException(url + " has no DCGM_FI_* GPU series");
        }
        return samples;
    }

    /** The GPUs of one DCGM page, in the order they first appear. */
    static List<GpuSample> samples(String url, long timeNs, List<MetricFamily> families) {
        Map<String, Gpu> gpus = new LinkedHashMap<>();
        for (MetricFamily family : families) {
            for (Sample sample : family.samples()) {
                DcgmFields.Mapping mapping = DcgmFields.FIELDS.get(sample.name());
                if (mapping == null || Double.isNaN(sample.value())) {
                    continue;
                }
                Map<String, String> labels = sample.labels();
                String uuid = labels.getOrDefault("UUID", labels.getOrDefault("uuid", ""));
                String index = labels.getOrDefault("gpu", labels.getOrDefault("GPU_I_ID", "0"));
                Gpu gpu = gpus.computeIfAbsent(uuid.isEmpty() ? "gpu" + index : uuid, k -> new Gpu(labels, index, uuid));
                gpu.metrics.put(mapping.tag(), sample.value() * mapping.factor());
            }
        }
        List<GpuSample> samples = new ArrayList<>();
        for (Gpu gpu : gpus.values()) {
            samples.add(new GpuSample(timeNs, url, gpu.index, gpu.uuid, gpu.labels.getOrDefault("modelName", ""),
                    gpu.labels.get("pci_bus_id"), gpu.labels.get("device"),
                    gpu.labels.getOrDefault("Hostname", gpu.labels.get("hostname")),
                    gpu.labels.get("namespace"), gpu.labels.getOrDefault("pod", gpu.labels.get("pod_name")),
                    "nvidia", gpu.metrics));
        }
        return samples;
    }

    private static final class Gpu {
        final Map<String, String> labels;
        final int index;
        final String uuid;
        final Map<String, Double> metrics = new LinkedHashMap<>();

        Gpu(Map<String, String> labels, String index, String uuid) {
            this.labels = labels;
            int parsed;
            try {
                parsed = Integer.parseInt(index);
            } catch (NumberFormatException e) {
                parsed = 0;
            }
            this.index = parsed;
            this.uuid = uuid;
        }
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
