package dev.aiperf.dataset;

import java.util.random.RandomGenerator;

/**
 * The original's {@code sample_positive_normal_integer} (spec §3.3.1): a positive integer drawn
 * from a normal distribution, used for prompt and output lengths, turn counts and delays.
 */
public final class PositiveNormal {

    private static final int MAX_TRIES = 10_000;

    private PositiveNormal() {
    }

    /**
     * {@code max(1, round(mean))} when {@code stddev <= 0}; otherwise a Gaussian draw, retried while
     * negative, rounded up to at least 1.
     */
    public static int sample(RandomGenerator random, double mean, double stddev) {
        if (stddev <= 0) {
            return (int) Math.max(1, Math.rint(mean));
        }
        for (int i = 0; i < MAX_TRIES; i++) {
            double value = mean + stddev * random.nextGaussian();
            if (value >= 0) {
                return (int) Math.max(1, Math.ceil(value));
            }
        }
        return (int) Math.max(1, Math.ceil(Math.max(0, mean)));
    }
}
