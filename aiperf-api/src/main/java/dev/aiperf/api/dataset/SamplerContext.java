package dev.aiperf.api.dataset;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.random.RandomStreams;

/**
 * What a {@code dataset_sampler} plugin is built from: a public constructor taking this one argument.
 *
 * @param config      the run's configuration
 * @param datasetSize how many conversations there are to pick from; positive
 * @param random      the run's random streams
 */
public record SamplerContext(BenchmarkConfig config, int datasetSize, RandomStreams random) {
}
