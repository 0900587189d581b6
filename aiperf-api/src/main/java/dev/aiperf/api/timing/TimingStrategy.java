package dev.aiperf.api.timing;

import dev.aiperf.api.model.RequestRecord;

/**
 * Category {@code timing_strategy}: decides when the next request may be sent and reacts to
 * completions (spec §2).
 */
public interface TimingStrategy {

    /**
     * The {@code System.nanoTime()} at which the next request should be sent, given the phase start;
     * {@link Long#MAX_VALUE} when the strategy has nothing more to send.
     */
    long nextSendTime(long phaseStartPerfNs, long nowPerfNs);

    /** Called once for every finished request, in completion order. */
    void processCompletion(RequestRecord record);
}
