package dev.aiperf.timing;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.api.timing.Ramp;
import dev.aiperf.api.timing.TimingStrategy;
import dev.aiperf.api.timing.TimingStrategyContext;

/**
 * Timing strategy {@code request_rate}: ticks spaced by the arrival pattern's intervals, scheduled
 * on absolute times from the phase start so that they never drift (spec §2.4).
 *
 * <p>When the engine falls behind, it fires the late tick at once and plans the following one from
 * "now", rather than firing a burst of the missed ticks.
 * The schedule is open loop: completions never move it, so {@link #processCompletion} has nothing
 * to do. With the {@code concurrency_burst} pattern every tick is "now", and the engine then sends
 * whenever a slot is free.
 *
 * <p><b>Rate ramp</b> ({@code --request-rate-ramp-duration}, spec §2.7): the rate rises along the
 * run's ramp (registry category {@code ramp}, {@code linear} by default) from
 * {@code target × 0.1 s / duration} to the target. Rather than changing the rate in steps, each
 * interval drawn at the target rate is stretched through the ramp (time rescaling of the arrival
 * process): the tick lands where the integral of the ramped rate since the previous tick equals the
 * interval's share of work. The expected rate then follows the ramp exactly, and a slow start rate
 * cannot hold back the first tick for seconds after the rate has risen.
 *
 * <p>Built from a {@link TimingStrategyContext}: the engine builds the pattern named by the
 * configuration first, and the context's ramp factory builds the rate ramp.
 */
public final class RequestRateStrategy implements TimingStrategy {
    /** Interval between rate updates (the original's {@code AIPERF_TIMING_RATE_RAMP_UPDATE_INTERVAL}). */
    public static final double RATE_UPDATE_INTERVAL_SECONDS = 0.1;

    private final ArrivalPattern pattern;
    private double targetRate;
    private Ramp ramp;
    private long phaseStart;
    private long next;
    private boolean nextIsImmediate;
    private boolean started;

    public RequestRateStrategy(TimingStrategyContext context) {
        BenchmarkConfig config = context.config();
        this.pattern = context.arrivalPattern();
        Double rate = config.load().requestRate();
        Double rampSeconds = config.load().requestRateRampSeconds();
        this.targetRate = rate == null ? 0 : rate;
        // The rate starts one update interval's worth of the target (spec §2.7).
        this.ramp = rate != null && rampSeconds != null && rampSeconds > 0 && !config.load().isConcurrencyBurst()
                ? context.ramps().create(rate * RATE_UPDATE_INTERVAL_SECONDS / rampSeconds, rate, rampSeconds) : null;
    }

    /**
     * The planned time of the next tick. When the engine is already past it, the tick still reports
     * its planned time (so records show how late it went) and fires at once, and the tick after it
     * is planned from "now": one late tick, never a burst of them.
     */
    @Override
    public long nextSendTime(long phaseStartPerfNs, long nowPerfNs) {
        if (!started) {
            started = true;
            phaseStart = phaseStartPerfNs;
            next = advance(phaseStartPerfNs);
        }
        // A zero interval means "as soon as possible": its tick is due now, not when it was planned.
        long planned = nextIsImmediate && next - nowPerfNs < 0 ? nowPerfNs : next;
        next = advance(planned - nowPerfNs < 0 ? nowPerfNs : planned);
        return planned;
    }

    @Override
    public void processCompletion(RequestRecord record) {
        // Open loop: the schedule does not depend on completions.
    }

    /** Sets a fixed rate from now on; a running ramp stops where it is replaced. */
    @Override
    public void setRate(double requestsPerSecond) {
        pattern.setRate(requestsPerSecond);
        targetRate = requestsPerSecond;
        ramp = null;
    }

    private long advance(long fromNs) {
        double seconds = pattern.nextIntervalSeconds();
        nextIsImmediate = seconds == 0;
        if (ramp == null || seconds == 0) {
            return fromNs + Math.round(seconds * 1e9);
        }
        double from = (fromNs - phaseStart) / 1e9;
        double to = ramp.timeAfterArea(from, seconds * targetRate);
        return phaseStart + Math.round(to * 1e9);
    }
}
