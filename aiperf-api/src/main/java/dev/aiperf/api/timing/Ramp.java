package dev.aiperf.api.timing;

/** Category {@code ramp}: the value of a ramped setting (rate or concurrency) over time (spec §2.7). */
public interface Ramp {

    /** The value to apply {@code elapsedSeconds} after the ramp started. */
    double valueAt(double elapsedSeconds);
}
