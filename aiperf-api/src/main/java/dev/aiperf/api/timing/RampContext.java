package dev.aiperf.api.timing;

/**
 * What a {@code ramp} plugin is built from: a public constructor taking this one argument.
 *
 * @param start           the value at time 0
 * @param target          the value reached at {@code durationSeconds} and kept afterwards
 * @param durationSeconds how long the ramp lasts; positive
 */
public record RampContext(double start, double target, double durationSeconds) {
    public RampContext {
        if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("ramp duration must be positive and finite, got " + durationSeconds);
        }
    }
}
