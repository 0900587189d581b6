package dev.aiperf.timing;

import dev.aiperf.api.timing.Ramp;
import dev.aiperf.api.timing.RampContext;

/**
 * Ramp {@code linear}: a straight line from {@code start} to {@code target} over {@code durationSeconds};
 * the exact target from then on (spec §2.7). Its times are exact, not searched for.
 */
public record LinearRamp(double start, double target, double durationSeconds) implements Ramp {

    public LinearRamp {
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("ramp duration must be positive, got " + durationSeconds);
        }
    }

    public LinearRamp(RampContext context) {
        this(context.start(), context.target(), context.durationSeconds());
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
    @Override
    public double timeOf(double value) {
        if (target == start) {
            return 0;
        }
        return durationSeconds * (value - start) / (target - start);
    }

    /**
     * The time {@code t' ≥ t} with {@code ∫ value(u) du over [t, t'] = area}, where the value is
     * {@code a + b·u} up to the ramp's duration and the target after it: the root of a quadratic.
     */
    @Override
    public double timeAfterArea(double t, double area) {
        double d = durationSeconds;
        if (t >= d) {
            return t + area / target;
        }
        double a = start;
        double b = (target - a) / d;
        double areaToEnd = a * (d - t) + b / 2 * (d * d - t * t);
        if (area >= areaToEnd) {
            return d + (area - areaToEnd) / target;
        }
        if (b == 0) {
            return t + area / a;
        }
        double c = a * t + b / 2 * t * t + area;
        return (-a + Math.sqrt(a * a + 2 * b * c)) / b;
    }
}
