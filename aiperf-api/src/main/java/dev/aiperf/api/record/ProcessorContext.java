package dev.aiperf.api.record;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.EndpointMetadata;

/**
 * What a {@code record_processor} or {@code results_processor} plugin is built from: a public
 * constructor taking this one argument (or none).
 *
 * @param config           the run's configuration
 * @param endpointMetadata the typed metadata of the run's endpoint (which metrics apply)
 */
public record ProcessorContext(BenchmarkConfig config, EndpointMetadata endpointMetadata) {
}
