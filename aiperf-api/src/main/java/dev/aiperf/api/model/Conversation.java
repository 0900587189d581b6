package dev.aiperf.api.model;

import java.util.List;

/**
 * A dataset conversation: the template of a session (spec §3.2).
 *
 * @param sessionId          conversation id, e.g. {@code session_000000}
 * @param turns              one or more turns
 * @param systemMessage      shared system prompt sent first on every request, or null
 * @param userContextMessage per-conversation user context sent after the system prompt, or null
 */
public record Conversation(String sessionId, List<Turn> turns, String systemMessage, String userContextMessage) {
    public Conversation {
        turns = List.copyOf(turns);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("conversation " + sessionId + " has no turns");
        }
    }
}
