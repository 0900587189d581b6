package dev.aiperf.endpoint;

import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;

import java.util.List;

/** RequestInfo fixtures. */
public final class Requests {

    private Requests() {
    }

    public static RequestInfo single(Turn turn) {
        return of(new Conversation("session_000000", List.of(turn), null, null), List.of(turn));
    }

    public static RequestInfo of(Conversation conversation, List<Turn> turns) {
        return new RequestInfo(conversation, turns, 0, 0, CreditPhase.PROFILING, "req-1", conversation.sessionId(), 0);
    }
}
