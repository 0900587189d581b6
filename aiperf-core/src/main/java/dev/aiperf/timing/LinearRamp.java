package dev.aiperf.timing;

import dev.aiperf.api.timing.Ramp;

/**
 * A linear ramp from {@code start} to {@code target} over {@code durationSeconds}; the exact target
 * from then on (spec §2.7). Concurrency ramps floor the value; rate ramps use it as is.
 */
public record LinearRamp(double start, double target, double durationSeconds) implements Ramp {

    /** Interval between rate updates (the original's {@code AIPERF_TIMING_RATE_RAMP_UPDATE_INTERVAL}). */
    public static final double RATE_UPDATE_INTERVAL_SECONDS = 0.1;

    public LinearRamp {
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("ramp duration must be positive, got " + durationSeconds);
        }
    }

    /** Session concurrency from 1 to {@code target}. */
    public static LinearRamp concurrency(int target, double durationSeconds) {
        return new LinearRamp(1, target, durationSeconds);
    }

    /** Request rate from {@code target × update interval / duration} to {@code target}. */
    public static LinearRamp rate(double target, double durationSeconds) {
        return new LinearRamp(target * RATE_UPDATE_INTERVAL_SECONDS / durationSeconds, target, durationSeconds);
    }

    @Override
    public double valueAt(double elapsedSeconds) {
        if (elapsedSeconds >= durationSeconds) {
            return target;
        }
        double progress = Math.max(0, elapsedSeconds) / durationSeconds;
        return start + (target - start) * progress;
    }

    /** When value {@code v} (between start and target) is first reached: {@code d·(v−start)/(target−start)}. */
    public double timeOf(double value) {
        if (target == start) {
            return 0;
        }
        return durationSeconds * (value - start) / (target - start);
    }
}
