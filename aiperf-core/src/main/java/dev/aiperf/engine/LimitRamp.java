package dev.aiperf.engine;

import dev.aiperf.api.timing.Ramp;

/**
 * Raises a {@link ConcurrencyLimit} from 1 to its target along a ramp (spec §2.7, discrete mode):
 * value {@code v} applies at the ramp's {@code timeOf(v)}, values floored to whole permits, the exact
 * target at the end. Used for the session and the prefill limits. Scheduler thread only.
 */
final class LimitRamp {
    private final Ramp ramp;
    private final ConcurrencyLimit limit;
    private final int target;
    private long phaseStartNs;
    private int value;
    private long nextStepNs = Long.MAX_VALUE;

    private LimitRamp(Ramp ramp, ConcurrencyLimit limit, int target) {
        this.ramp = ramp;
        this.limit = limit;
        this.target = target;
    }

    /** A ramp of {@code limit} up to {@code target}, or null when there is nothing to ramp. */
    static LimitRamp of(Ramp ramp, ConcurrencyLimit limit, Integer target) {
        return ramp == null || target == null || target <= 1 ? null : new LimitRamp(ramp, limit, target);
    }

    /** Sets the limit to 1 and plans the step to 2. */
    void start(long phaseStartNs) {
        this.phaseStartNs = phaseStartNs;
        value = 1;
        limit.setLimit(1);
        nextStepNs = phaseStartNs + Math.round(ramp.timeOf(2) * 1e9);
    }

    long nextStepNs() {
        return nextStepNs;
    }

    /** Applies the value due at {@code now}, if a step is due; true if the limit changed. */
    boolean step(long now) {
        if (now - nextStepNs < 0) {
            return false;
        }
        int due = (int) Math.floor(ramp.valueAt((now - phaseStartNs) / 1e9));
        value = Math.max(value + 1, Math.min(due, target));
        limit.setLimit(value);
        nextStepNs = value >= target ? Long.MAX_VALUE : phaseStartNs + Math.round(ramp.timeOf(value + 1) * 1e9);
        return true;
    }

    /** Stops stepping: the limit stays where it is (spec §2.7). */
    void stop() {
        nextStepNs = Long.MAX_VALUE;
    }
}
