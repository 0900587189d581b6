package dev.aiperf.timing;

import dev.aiperf.api.timing.Ramp;
import dev.aiperf.api.timing.RampContext;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ramp {@code poisson} (spec §2.7): a step trajectory planned up front. Step times are a Poisson
 * process with rate {@code |target − start| / duration} (exponential gaps until their sum reaches the
 * duration), rescaled so that the last step lands exactly at the duration; every step moves the value
 * by the same amount and the last one sets the exact target. The steps are random but reproducible:
 * the draw is seeded from the ramp's own parameters.
 */
public final class PoissonRamp implements Ramp {
    private final double start;
    private final double target;
    private final double durationSeconds;
    private final double[] stepTimes;

    public PoissonRamp(RampContext context) {
        this(context.start(), context.target(), context.durationSeconds());
    }

    public PoissonRamp(double start, double target, double durationSeconds) {
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("ramp duration must be positive, got " + durationSeconds);
        }
        this.start = start;
        this.target = target;
        this.durationSeconds = durationSeconds;
        this.stepTimes = stepTimes(start, target, durationSeconds);
    }

    private static double[] stepTimes(double start, double target, double duration) {
        double range = Math.abs(target - start);
        if (range == 0) {
            return new double[0];
        }
        double eventsPerSecond = Math.max(range, 1) / duration;
        SplittableRandom random = new SplittableRandom(Double.hashCode(start) * 31L + Double.hashCode(target) * 17L
                + Double.hashCode(duration));
        List<Double> times = new ArrayList<>();
        double t = 0;
        while (t < duration) {
            t += -Math.log(1.0 - random.nextDouble()) / eventsPerSecond;
            times.add(t);
        }
        double scale = duration / t;
        double[] scaled = new double[times.size()];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = times.get(i) * scale;
        }
        return scaled;
    }

    @Override
    public double durationSeconds() {
        return durationSeconds;
    }

    /** The value after every step whose time has come: equal steps, the exact target after the last. */
    @Override
    public double valueAt(double elapsedSeconds) {
        if (elapsedSeconds >= durationSeconds || stepTimes.length == 0) {
            return target;
        }
        int done = 0;
        while (done < stepTimes.length && stepTimes[done] <= elapsedSeconds) {
            done++;
        }
        if (done == stepTimes.length) {
            return target;
        }
        return start + (target - start) * done / stepTimes.length;
    }

    /** How many steps the trajectory has (for tests and plots). */
    int steps() {
        return stepTimes.length;
    }
}
