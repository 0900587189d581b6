package dev.aiperf.mock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Yes/no draws with a given probability, deterministic for a seed and the order of the draws. Draw {@code n} is a
 * SplitMix64 mix of {@code seed + n·γ}, so every event-loop thread draws without a lock.
 */
final class SeededChance {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long seed;
    private final AtomicLong draws = new AtomicLong();

    SeededChance(long seed) {
        this.seed = seed;
    }

    /** True with probability {@code percent / 100}; draws nothing when the answer is certain. */
    boolean hit(double percent) {
        if (percent <= 0) {
            return false;
        }
        if (percent >= 100) {
            return true;
        }
        long z = mix(seed + draws.getAndIncrement() * GOLDEN_GAMMA);
        double uniform = (z >>> 11) * 0x1.0p-53;
        return uniform * 100 < percent;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
