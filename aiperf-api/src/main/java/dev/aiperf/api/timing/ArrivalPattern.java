package dev.aiperf.api.timing;

/** Category {@code arrival_pattern}: seconds between consecutive credit issues (spec §2.6). */
public interface ArrivalPattern {

    /** The next interval in seconds; 0 means "as soon as a slot frees". */
    double nextIntervalSeconds();

    /** Changes the target rate (ramping); patterns without a rate ignore it. */
    default void setRate(double requestsPerSecond) {
    }
}
