package dev.aiperf.api.timing;

import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.RequestRecord;

import java.util.List;

/**
 * A timing strategy that plans every send itself instead of ticking (spec §2.8 fixed schedule, §2.9
 * user-centric rate): at phase start it sets timers and starts sessions through a {@link SendPlan},
 * and when a turn of a session returns it decides when the next one goes. The engine never samples a
 * conversation or sends a continuation for it on its own.
 *
 * <p>Threading and lifecycle are those of {@link TimingStrategy}: one instance per phase, every call
 * on the scheduler thread, no blocking.
 */
public interface ScheduledTimingStrategy extends TimingStrategy {

    /**
     * Checks, before any request is sent, that the dataset suits this strategy (a replay needs a
     * timestamp on every first turn). Throws {@link IllegalArgumentException} with a message for the user.
     */
    default void checkDataset(List<Conversation> conversations) {
    }

    /** Plans the phase: called once, when the phase starts. */
    void start(SendPlan plan);

    /**
     * A turn of {@code session} returned and the session has turns left: schedule the next with
     * {@link SendPlan#sendNextTurn}. (The session holds its concurrency slot until its last turn returns.)
     *
     * @param returnedPerfNs when the turn returned
     */
    void onTurnReturned(ScheduledSession session, long returnedPerfNs, SendPlan plan);

    /** No ticks: every send is planned. */
    @Override
    default long nextSendTime(long phaseStartPerfNs, long nowPerfNs) {
        return Long.MAX_VALUE;
    }

    @Override
    default void processCompletion(RequestRecord record) {
    }
}
