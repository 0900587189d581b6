package dev.aiperf.api.config;

import java.util.List;

/**
 * What the run collects besides its own requests: the servers' Prometheus metrics and GPU telemetry
 * (upstream options {@code --server-metrics}, {@code --no-server-metrics}, {@code --server-metrics-formats},
 * {@code --gpu-telemetry}, {@code --no-gpu-telemetry}).
 *
 * @param serverMetrics          scrape {@code <url>/metrics} of every {@code --url} plus {@link #serverMetricsUrls}
 * @param serverMetricsUrls      further Prometheus endpoints ({@code --server-metrics URL...}); a URL without a
 *                               path gets {@code /metrics}
 * @param serverMetricsFormats   files to write: any of {@code json}, {@code csv}, {@code jsonl}
 * @param serverMetricsIntervalSeconds time between scrapes ({@code AIPERF_SERVER_METRICS_COLLECTION_INTERVAL})
 * @param gpuTelemetry           collect GPU telemetry (from the DCGM endpoints below, or the default ones when
 *                               they answer)
 * @param gpuTelemetryShown      {@code --gpu-telemetry} was given: print the GPU table on the console
 * @param gpuTelemetryCollector  the {@code gpu_telemetry_collector} plugin to use ({@code dcgm})
 * @param gpuTelemetryUrls       DCGM exporter endpoints; empty means the defaults
 *                               ({@code AIPERF_GPU_DEFAULT_DCGM_ENDPOINTS}), used only when they answer
 * @param gpuTelemetryIntervalSeconds time between GPU samples ({@code AIPERF_GPU_COLLECTION_INTERVAL})
 */
public record TelemetryConfig(boolean serverMetrics, List<String> serverMetricsUrls, List<String> serverMetricsFormats,
                              double serverMetricsIntervalSeconds, boolean gpuTelemetry, boolean gpuTelemetryShown,
                              String gpuTelemetryCollector, List<String> gpuTelemetryUrls,
                              double gpuTelemetryIntervalSeconds) {
    /** The original's scrape interval: 333 ms, about 3 Hz. */
    public static final double DEFAULT_INTERVAL_SECONDS = 0.333;
    /** The server-metrics files written by default. */
    public static final List<String> DEFAULT_FORMATS = List.of("json", "csv");
    /** Where a DCGM exporter listens by default (the original probes both). */
    public static final List<String> DEFAULT_DCGM_URLS = List.of("http://localhost:9400/metrics",
            "http://localhost:9401/metrics");

    public TelemetryConfig {
        serverMetricsUrls = List.copyOf(serverMetricsUrls);
        serverMetricsFormats = List.copyOf(serverMetricsFormats);
        gpuTelemetryUrls = List.copyOf(gpuTelemetryUrls);
        if (!(serverMetricsIntervalSeconds > 0) || !(gpuTelemetryIntervalSeconds > 0)) {
            throw new IllegalArgumentException("a telemetry collection interval must be more than 0 seconds");
        }
        if (gpuTelemetryCollector == null || gpuTelemetryCollector.isBlank()) {
            gpuTelemetryCollector = "dcgm";
        }
    }

    /** Nothing collected: what a configuration built without telemetry settings gets. */
    public static TelemetryConfig off() {
        return new TelemetryConfig(false, List.of(), DEFAULT_FORMATS, DEFAULT_INTERVAL_SECONDS, false, false, "dcgm",
                List.of(), DEFAULT_INTERVAL_SECONDS);
    }

    /** The original's defaults: server metrics on, GPU telemetry from the default DCGM endpoints when they answer. */
    public static TelemetryConfig defaults() {
        return new TelemetryConfig(true, List.of(), DEFAULT_FORMATS, DEFAULT_INTERVAL_SECONDS, true, false, "dcgm",
                List.of(), DEFAULT_INTERVAL_SECONDS);
    }
}
