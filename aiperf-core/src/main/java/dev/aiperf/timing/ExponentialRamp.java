package dev.aiperf.timing;

import dev.aiperf.api.timing.Ramp;
import dev.aiperf.api.timing.RampContext;

/**
 * Ramp {@code exponential}: an ease-in from {@code start} to {@code target}, value progress =
 * time progress<sup>e</sup> with the original's {@code e = 2} (spec §2.7): slow at first, fastest at
 * the end. The time a value is reached is exact; areas (rate ramps) are integrated numerically.
 */
public record ExponentialRamp(double start, double target, double durationSeconds) implements Ramp {
    /** The original's default exponent. */
    public static final double EXPONENT = 2.0;

    public ExponentialRamp {
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("ramp duration must be positive, got " + durationSeconds);
        }
    }

    public ExponentialRamp(RampContext context) {
        this(context.start(), context.target(), context.durationSeconds());
    }

    @Override
    public double valueAt(double elapsedSeconds) {
        if (elapsedSeconds >= durationSeconds) {
            return target;
        }
        double progress = Math.max(0, elapsedSeconds) / durationSeconds;
        return start + (target - start) * Math.pow(progress, EXPONENT);
    }

    /** Time fraction = value progress<sup>1/e</sup>. */
    @Override
    public double timeOf(double value) {
        if (target == start) {
            return 0;
        }
        double progress = Math.clamp((value - start) / (target - start), 0.0, 1.0);
        return durationSeconds * Math.pow(progress, 1 / EXPONENT);
    }
}
