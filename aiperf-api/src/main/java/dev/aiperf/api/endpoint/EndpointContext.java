package dev.aiperf.api.endpoint;

import dev.aiperf.api.config.BenchmarkConfig;

/**
 * What an {@code endpoint} plugin is built from: a public constructor taking this one argument (or
 * none) is how the engine creates it.
 *
 * @param config   the run's configuration
 * @param metadata the endpoint's typed metadata, as its plugins.yaml entry declares it
 */
public record EndpointContext(BenchmarkConfig config, EndpointMetadata metadata) {
}
