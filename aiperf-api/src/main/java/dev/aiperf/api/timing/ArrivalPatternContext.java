package dev.aiperf.api.timing;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.random.RandomStreams;

/**
 * What an {@code arrival_pattern} plugin is built from, once per phase: a public constructor taking
 * this one argument (or none).
 *
 * @param config the phase's configuration (its {@code load()} is the warm-up's during warm-up)
 * @param random the run's random streams
 */
public record ArrivalPatternContext(BenchmarkConfig config, RandomStreams random) {
}
