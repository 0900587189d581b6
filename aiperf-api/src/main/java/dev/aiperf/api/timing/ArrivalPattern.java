package dev.aiperf.api.timing;

/**
 * Category {@code arrival_pattern}: seconds between consecutive credit issues (spec §2.6).
 *
 * <p>Created once per phase through a public constructor taking the phase's {@code BenchmarkConfig}
 * (rate, smoothness and random seed come from it) or a no-arg one. Called from one thread only.
 */
public interface ArrivalPattern {

    /** The next interval in seconds; 0 means "as soon as a slot frees". */
    double nextIntervalSeconds();

    /** Changes the target rate (ramping); patterns without a rate ignore it. */
    default void setRate(double requestsPerSecond) {
    }
}
