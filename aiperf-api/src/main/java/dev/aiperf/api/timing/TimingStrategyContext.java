package dev.aiperf.api.timing;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.random.RandomStreams;

/**
 * What a {@code timing_strategy} plugin is built from, once per phase: a public constructor taking
 * this one argument (or none).
 *
 * @param config         the phase's configuration (its {@code load()} is the warm-up's during warm-up)
 * @param arrivalPattern the arrival pattern the configuration names, already built for this phase
 * @param ramps          builds the run's ramp (category {@code ramp}) for a setting that ramps
 * @param random         the run's random streams
 */
public record TimingStrategyContext(BenchmarkConfig config, ArrivalPattern arrivalPattern, Ramp.Factory ramps,
                                    RandomStreams random) {
}
