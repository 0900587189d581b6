package dev.aiperf.api.timing;

/**
 * Category {@code ramp}: the value of a ramped setting (rate or concurrency) over time (spec §2.7),
 * from its start at time 0 to its target at {@link #durationSeconds()}, and the target from then on.
 * The engine builds one through the registry by name (the built-ins are {@code linear} and
 * {@code exponential}) with a public constructor taking a {@link RampContext}.
 *
 * <p>Ramps move monotonically from start to target; the default methods rely on it and work out
 * times numerically from {@link #valueAt}. A ramp with a closed form overrides them.
 */
public interface Ramp {

    /** The value to apply {@code elapsedSeconds} after the ramp started. */
    double valueAt(double elapsedSeconds);

    /** When the ramp reaches its target; positive. */
    double durationSeconds();

    /**
     * The first time the ramp reaches {@code value} (between its start and target): a concurrency ramp
     * applies value {@code v} at {@code timeOf(v)}.
     */
    default double timeOf(double value) {
        double duration = durationSeconds();
        double start = valueAt(0);
        double direction = Math.signum(valueAt(duration) - start);
        if (direction == 0 || (value - start) * direction <= 0) {
            return 0;
        }
        double low = 0;
        double high = duration;
        for (int i = 0; i < 64 && high - low > 1e-12 * duration; i++) {
            double mid = (low + high) / 2;
            if ((valueAt(mid) - value) * direction >= 0) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    /**
     * The time {@code t ≥ fromSeconds} at which the ramped value integrated over {@code [fromSeconds, t]}
     * equals {@code area}: for a rate ramp, when {@code area} requests' worth of arrivals have come.
     * The value is the target after {@link #durationSeconds()}.
     */
    default double timeAfterArea(double fromSeconds, double area) {
        double duration = durationSeconds();
        double t = Math.max(0, fromSeconds);
        double remaining = area;
        double step = duration / 1024;
        while (t < duration) {
            double next = Math.min(duration, t + step);
            double a = valueAt(t);
            double b = valueAt(next);
            double slice = (a + b) / 2 * (next - t);
            if (slice >= remaining) {
                // Within the slice the value is taken as linear from a to b:
                // solve a·x + (b−a)/(2h)·x² = remaining.
                double h = next - t;
                double slope = (b - a) / h;
                if (Math.abs(slope) < 1e-15) {
                    return t + remaining / a;
                }
                return t + (-a + Math.sqrt(a * a + 2 * slope * remaining)) / slope;
            }
            remaining -= slice;
            t = next;
        }
        return t + remaining / valueAt(duration);
    }

    /** Builds the run's ramp from a start value, a target and a duration (the engine provides it). */
    @FunctionalInterface
    interface Factory {
        Ramp create(double start, double target, double durationSeconds);
    }
}
