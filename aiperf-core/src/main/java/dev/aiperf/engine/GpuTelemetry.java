package dev.aiperf.engine;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.TelemetryConfig;
import dev.aiperf.api.export.ErrorCount;
import dev.aiperf.api.export.TelemetryData;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.telemetry.GpuSample;
import dev.aiperf.api.telemetry.GpuSummary;
import dev.aiperf.api.telemetry.GpuTelemetryCollector;
import dev.aiperf.api.telemetry.GpuTelemetryCollectorContext;
import dev.aiperf.api.telemetry.GpuTelemetryResults;
import dev.aiperf.gpu.EnergyEfficiency;
import dev.aiperf.gpu.GpuTelemetryJsonlWriter;
import dev.aiperf.gpu.GpuTelemetryStore;
import dev.aiperf.servermetrics.ServerMetricsEndpoints;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The GPU telemetry of a run: one {@code gpu_telemetry_collector} plugin per source, built with the run's other
 * plugins; {@link #collectAll} runs on the telemetry thread. Sources named by the user that fail are reported once;
 * the default DCGM endpoints are used only if they answer the first probe, silently dropped otherwise (most machines
 * have no DCGM exporter).
 */
final class GpuTelemetry implements AutoCloseable {
    private final List<Source> sources;
    private final boolean defaults;
    private final Path artifactDir;
    private final Integer concurrency;
    private final GpuTelemetryStore store = new GpuTelemetryStore();
    private Consumer<String> warnings = message -> { };
    private GpuTelemetryJsonlWriter jsonl;
    private boolean started;

    private static final class Source {
        final GpuTelemetryCollector collector;
        boolean warned;
        boolean dropped;
        /** Failed reads of a source the user named (or that answered before), by distinct error. */
        final Map<ErrorDetails, Long> errors = new LinkedHashMap<>();

        Source(GpuTelemetryCollector collector) {
            this.collector = collector;
        }
    }

    private GpuTelemetry(List<Source> sources, boolean defaults, Path artifactDir, Integer concurrency) {
        this.sources = sources;
        this.defaults = defaults;
        this.artifactDir = artifactDir;
        this.concurrency = concurrency;
    }

    /** Builds the collectors (no I/O yet), or null when GPU telemetry is off. */
    static GpuTelemetry build(BenchmarkConfig config, PluginFactory plugins) {
        TelemetryConfig settings = config.telemetry();
        if (!settings.gpuTelemetry()) {
            return null;
        }
        boolean defaults = settings.gpuTelemetryUrls().isEmpty();
        List<String> urls = defaults ? TelemetryConfig.DEFAULT_DCGM_URLS
                : settings.gpuTelemetryUrls().stream().map(ServerMetricsEndpoints::withMetricsPath).toList();
        List<Source> sources = new ArrayList<>();
        for (String url : urls) {
            sources.add(new Source(plugins.create(PluginType.GPU_TELEMETRY_COLLECTOR, settings.gpuTelemetryCollector(),
                    GpuTelemetryCollectorContext.class, new GpuTelemetryCollectorContext(config, url))));
        }
        return new GpuTelemetry(sources, defaults, config.output().artifactDir(), config.load().concurrency());
    }

    /** Whether some source is still read. */
    boolean active() {
        return sources.stream().anyMatch(s -> !s.dropped);
    }

    List<String> configured() {
        return sources.stream().map(s -> s.collector.sourceUrl()).toList();
    }

    /** Called once before the first collection: where warnings go. */
    void start(Consumer<String> warningSink) {
        this.warnings = warningSink;
    }

    /** One reading of every source, on the telemetry thread. */
    void collectAll() {
        boolean first = !started;
        started = true;
        for (Source source : sources) {
            if (source.dropped) {
                continue;
            }
            List<GpuSample> samples;
            try {
                samples = source.collector.collect();
            } catch (IOException | RuntimeException e) {
                if (first && defaults) {
                    source.dropped = true; // no DCGM exporter at a default address: nothing to say
                    continue;
                }
                source.errors.merge(new ErrorDetails(null, e.getClass().getSimpleName(), e.getMessage()), 1L,
                        Long::sum);
                if (!source.warned) {
                    source.warned = true;
                    String message = e.getMessage();
                    warnings.accept("GPU telemetry: cannot read " + source.collector.sourceUrl() + ": "
                            + e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")")
                            + "; retrying during the run");
                }
                continue;
            }
            samples.forEach(store::add);
            writeJsonl(samples);
        }
    }

    private void writeJsonl(List<GpuSample> samples) {
        if (jsonl == null) {
            try {
                jsonl = new GpuTelemetryJsonlWriter(artifactDir, warnings);
            } catch (IOException e) {
                warnings.accept("GPU telemetry: cannot write " + GpuTelemetryJsonlWriter.FILE + ": " + e.getMessage());
                sources.forEach(s -> s.dropped = true);
                return;
            }
        }
        jsonl.write(samples);
    }

    /** The summaries, or null when no source answered. */
    GpuTelemetryResults results(long startNs, long endNs) {
        if (store.sources().isEmpty()) {
            return null;
        }
        return store.results(configured(), startNs, endNs);
    }

    /**
     * The summary JSON's {@code telemetry_data} (schema 1.5): the sources configured (the default DCGM addresses
     * too), those that answered, the GPUs by {@code host:port}, and the failed reads by distinct error.
     *
     * @param results the summaries from {@link #results}, or null when no source answered
     */
    TelemetryData telemetryData(GpuTelemetryResults results, long startNs, long endNs) {
        Map<String, List<dev.aiperf.api.export.GpuTelemetry>> endpoints = new LinkedHashMap<>();
        if (results != null) {
            for (GpuSummary gpu : results.gpus()) {
                endpoints.computeIfAbsent(gpu.endpoint(), k -> new ArrayList<>()).add(new dev.aiperf.api.export
                        .GpuTelemetry(gpu.gpuIndex(), gpu.gpuName(), gpu.gpuUuid(), gpu.platform(), gpu.hostname(),
                        gpu.namespace(), gpu.podName(), gpu.metrics()));
            }
        }
        Map<ErrorDetails, Long> errors = new LinkedHashMap<>();
        sources.forEach(s -> s.errors.forEach((error, count) -> errors.merge(error, count, Long::sum)));
        return new TelemetryData(configured(), results == null ? List.of() : results.endpointsSuccessful(), startNs,
                endNs, endpoints, errors.entrySet().stream().map(e -> new ErrorCount(e.getKey(), e.getValue()))
                .toList());
    }

    List<MetricResult> energyMetrics(GpuTelemetryResults results, List<MetricResult> runResults, long startNs,
                                     long endNs) {
        return EnergyEfficiency.metrics(results, runResults, startNs, endNs, concurrency);
    }

    @Override
    public void close() {
        for (Source source : sources) {
            source.collector.close();
        }
        if (jsonl != null) {
            try {
                jsonl.close();
            } catch (IOException e) {
                warnings.accept("GPU telemetry: " + e.getMessage());
            }
        }
    }
}
