package dev.aiperf.api.transport;

import dev.aiperf.api.config.BenchmarkConfig;

/**
 * What a {@code transport} plugin is built from: a public constructor taking this one argument (or
 * none) is how the engine creates it, once per run.
 *
 * @param config   the run's configuration (URLs, timeouts, connection reuse, headers)
 * @param metadata the transport's typed metadata, as its plugins.yaml entry declares it
 */
public record TransportContext(BenchmarkConfig config, TransportMetadata metadata) {
}
