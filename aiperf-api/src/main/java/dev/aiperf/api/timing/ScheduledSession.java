package dev.aiperf.api.timing;

import dev.aiperf.api.model.Conversation;

/**
 * A session a {@link ScheduledTimingStrategy} started, as the engine tracks it: which conversation it
 * replays, how many of its turns it sends and which one is next. Only the scheduler thread sees it.
 */
public interface ScheduledSession {

    /** The session id: the {@code X-Correlation-ID} of each of its requests. */
    String correlationId();

    Conversation conversation();

    /** How many turns this session sends: the conversation's, or fewer (user-centric virtual users). */
    int turnCount();

    /** The index of the next turn to send. */
    int nextTurnIndex();
}
