package dev.aiperf.api.model;

import java.util.List;

/**
 * What an endpoint needs to build one request: the session's turns up to and including the
 * current one (history first), plus identifiers that go into headers and records.
 *
 * @param conversation   the dataset conversation this session replays
 * @param turns          history turns (user and assistant) then the current turn, last
 * @param turnIndex      index of the current turn within the conversation
 * @param creditNum      sequential credit id within the phase
 * @param phase          warm-up or profiling
 * @param xRequestId     per-request UUID ({@code X-Request-ID})
 * @param xCorrelationId session id ({@code X-Correlation-ID})
 * @param urlIndex       index into the configured base URLs
 */
public record RequestInfo(Conversation conversation, List<Turn> turns, int turnIndex, long creditNum,
                          CreditPhase phase, String xRequestId, String xCorrelationId, int urlIndex) {
    public RequestInfo {
        turns = List.copyOf(turns);
    }

    /** The turn being sent now. */
    public Turn currentTurn() {
        return turns.get(turns.size() - 1);
    }
}
