package dev.aiperf.api.random;

import java.util.random.RandomGenerator;

/**
 * The run's random streams (spec §3.11): one independent generator per named stream, all derived
 * from the run's {@code --random-seed}. The same seed and name give the same sequence whatever
 * else the run draws, so a plugin that takes its randomness from here stays reproducible.
 */
@FunctionalInterface
public interface RandomStreams {

    /**
     * A new generator for the stream named {@code identifier}, e.g. {@code timing.request.poisson_interval}.
     * Each call starts the stream afresh; without a seed every call is entropy-seeded.
     */
    RandomGenerator stream(String identifier);
}
