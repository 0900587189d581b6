package dev.aiperf.api.config;

import java.util.Objects;

/**
 * The whole, validated configuration of one benchmark run. Plugins receive it in the context object
 * their constructor takes (e.g. {@code EndpointContext.config()}).
 *
 * @param telemetry server-metrics scraping and GPU telemetry; {@link TelemetryConfig#off()} when not given
 */
public record BenchmarkConfig(EndpointConfig endpoint, InputConfig input, LoadConfig load, OutputConfig output,
                              TelemetryConfig telemetry) {
    public BenchmarkConfig {
        telemetry = Objects.requireNonNullElseGet(telemetry, TelemetryConfig::off);
    }

    /** A configuration that collects no server metrics and no GPU telemetry. */
    public BenchmarkConfig(EndpointConfig endpoint, InputConfig input, LoadConfig load, OutputConfig output) {
        this(endpoint, input, load, output, TelemetryConfig.off());
    }

    /** The same configuration with another load; the engine builds each phase's plugins from one. */
    public BenchmarkConfig withLoad(LoadConfig newLoad) {
        return new BenchmarkConfig(endpoint, input, newLoad, output, telemetry);
    }

    /** The same configuration with other telemetry settings. */
    public BenchmarkConfig withTelemetry(TelemetryConfig newTelemetry) {
        return new BenchmarkConfig(endpoint, input, load, output, newTelemetry);
    }

    /** The same configuration with another input (e.g. another random seed). */
    public BenchmarkConfig withInput(InputConfig newInput) {
        return new BenchmarkConfig(endpoint, newInput, load, output, telemetry);
    }

    /** The same configuration writing its artifacts to another folder. */
    public BenchmarkConfig withArtifactDir(java.nio.file.Path dir) {
        return new BenchmarkConfig(endpoint, input, load, output.withArtifactDir(dir), telemetry);
    }
}
