package dev.aiperf.api.timing;

import dev.aiperf.api.model.RequestRecord;

/**
 * Category {@code timing_strategy}: decides when the next request may be sent and reacts to
 * completions (spec §2).
 *
 * <p><b>Lifecycle.</b> The engine creates one instance per phase (warm-up, profiling) through a public
 * constructor taking a {@link TimingStrategyContext}, or a no-arg one, and drops it when the phase ends.
 *
 * <p><b>Threading.</b> Every method is called from the engine's single scheduler thread; an
 * implementation needs no locking and must never block.
 *
 * <p><b>What the engine does with a tick.</b> At each send time the engine issues at most one credit:
 * a ready continuation turn first, else the first turn of a new session if a concurrency slot is free;
 * otherwise the tick is lost. Stop conditions (count, sessions, duration) are the engine's.
 */
public interface TimingStrategy {

    /**
     * The {@code System.nanoTime()} of the next tick, given the phase start; each call consumes one
     * tick. {@link Long#MAX_VALUE} when the strategy has nothing more to send. A value at or before
     * {@code nowPerfNs} means "now": the engine never fires a backlog of past ticks.
     */
    long nextSendTime(long phaseStartPerfNs, long nowPerfNs);

    /** Called once for every finished request of the phase, in completion order. */
    void processCompletion(RequestRecord record);

    /** Changes the target rate while running (rate ramps); strategies without a rate ignore it. */
    default void setRate(double requestsPerSecond) {
    }
}
