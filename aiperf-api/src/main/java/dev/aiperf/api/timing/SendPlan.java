package dev.aiperf.api.timing;

import dev.aiperf.api.model.Conversation;

import java.util.List;

/**
 * What the engine lets a {@link ScheduledTimingStrategy} do during its phase: read the dataset, set
 * timers, start sessions and send their next turns. Every method is called on the engine's scheduler
 * thread (from {@link ScheduledTimingStrategy#start} or {@link ScheduledTimingStrategy#onTurnReturned}
 * or a timer), never concurrently.
 *
 * <p>Sends are <em>blocking issues</em> in the spec's words (§2.1): a send that finds no free session
 * or prefill slot waits, in order, until one frees; it is never dropped. Each send keeps the time it
 * was meant for, so the records' send lag shows how late it went.
 */
public interface SendPlan {

    /** {@code System.nanoTime()} at the start of the phase. */
    long phaseStartPerfNs();

    /** Every conversation of the dataset, in dataset order. */
    List<Conversation> conversations();

    /** The conversation the run's sampler picks next (for strategies that start sessions from any). */
    Conversation sampleConversation();

    /** Runs {@code action} on the scheduler thread at {@code atPerfNs} (at once if past), while the phase still sends. */
    void at(long atPerfNs, Runnable action);

    /**
     * Starts a session that sends the first {@code turnCount} turns of {@code conversation}, its first
     * turn meant for {@code intendedPerfNs}; the engine sends it when a session slot is free.
     *
     * @param correlationId the session id, or null for a random one
     */
    ScheduledSession startSession(Conversation conversation, int turnCount, String correlationId, long intendedPerfNs);

    /** Sends the session's next turn, meant for {@code intendedPerfNs}, as soon as the engine may. */
    void sendNextTurn(ScheduledSession session, long intendedPerfNs);

    /**
     * Replaces the phase's request and session counts (stop conditions) with the totals the strategy
     * itself plans, e.g. every turn of every conversation of a replayed trace.
     */
    void planTotals(long requests, long sessions);
}
