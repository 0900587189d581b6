package dev.aiperf.api.telemetry;

import dev.aiperf.api.config.BenchmarkConfig;

/**
 * What a {@code gpu_telemetry_collector} plugin is built from.
 *
 * @param config the run's configuration
 * @param url    the source to read (e.g. {@code http://localhost:9400/metrics} for DCGM)
 */
public record GpuTelemetryCollectorContext(BenchmarkConfig config, String url) {
}
