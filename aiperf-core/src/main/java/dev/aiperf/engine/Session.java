package dev.aiperf.engine;

import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.timing.ScheduledSession;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of a dataset conversation (spec §2.1, §3.3.5): its id, its base URL, the turns sent so
 * far and the assistant replies received, which later turns carry as history. It may send only the
 * first turns of its conversation (user-centric virtual users, spec §2.9). Only the scheduler thread
 * touches it.
 */
final class Session implements ScheduledSession {
    private final Conversation conversation;
    private final String correlationId;
    private final int urlIndex;
    private final int turnCount;
    private final List<Turn> history = new ArrayList<>();
    private int nextTurn;

    Session(Conversation conversation, String correlationId, int urlIndex) {
        this(conversation, conversation.turns().size(), correlationId, urlIndex);
    }

    Session(Conversation conversation, int turnCount, String correlationId, int urlIndex) {
        if (turnCount < 1 || turnCount > conversation.turns().size()) {
            throw new IllegalArgumentException("a session of " + conversation.sessionId() + " sends 1 to "
                    + conversation.turns().size() + " turns, not " + turnCount);
        }
        this.conversation = conversation;
        this.turnCount = turnCount;
        this.correlationId = correlationId;
        this.urlIndex = urlIndex;
    }

    @Override
    public String correlationId() {
        return correlationId;
    }

    @Override
    public Conversation conversation() {
        return conversation;
    }

    @Override
    public int turnCount() {
        return turnCount;
    }

    @Override
    public int nextTurnIndex() {
        return nextTurn;
    }

    boolean isFinalTurn(int turnIndex) {
        return turnIndex == turnCount() - 1;
    }

    /** The delay before turn {@code turnIndex}, in ms (0 when the dataset gives none). */
    long delayBeforeMs(int turnIndex) {
        Long delay = conversation.turns().get(turnIndex).delayMs();
        return delay == null ? 0 : Math.max(0, delay);
    }

    /** The request for the next turn: the history so far, then that turn. Advances to the turn after. */
    RequestInfo nextRequest(long creditNum, CreditPhase phase, String requestId) {
        int turnIndex = nextTurn++;
        history.add(conversation.turns().get(turnIndex));
        return new RequestInfo(conversation, history, turnIndex, creditNum, phase, requestId, correlationId, urlIndex);
    }

    /** Adds the reply to the history; an empty reply (an error) adds nothing. */
    void recordAssistantReply(String text) {
        if (text != null && !text.isEmpty()) {
            history.add(new Turn(null, "assistant", null, null, null, List.of(new Turn.Text("", List.of(text)))));
        }
    }
}
