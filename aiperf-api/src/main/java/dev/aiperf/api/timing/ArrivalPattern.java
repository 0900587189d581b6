package dev.aiperf.api.timing;

/**
 * Category {@code arrival_pattern}: seconds between consecutive credit issues (spec §2.6).
 *
 * <p>Created once per phase, before the first request, through a public constructor taking an
 * {@link ArrivalPatternContext} (the phase's rate and smoothness, the run's random streams) or a
 * no-arg one. Called from one thread only.
 */
public interface ArrivalPattern {

    /** The next interval in seconds; 0 means "as soon as a slot frees". */
    double nextIntervalSeconds();

    /** Changes the target rate (ramping); patterns without a rate ignore it. */
    default void setRate(double requestsPerSecond) {
    }
}
