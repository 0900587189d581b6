package dev.aiperf.dataset;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A trace's sessions as conversations, each turn pinned to its model and max tokens (spec §3.9). */
final class TraceConversations {

    private TraceConversations() {
    }

    /**
     * @param sessions turns by session id, in the order the conversations are to be replayed
     * @param file     the trace, for the message when nothing is left to replay
     */
    static List<Conversation> of(Map<String, List<Turn>> sessions, BenchmarkConfig config, Path file) {
        if (sessions.isEmpty()) {
            Integer maxIsl = config.input().trace().maxIsl();
            throw new InvalidDatasetException("Input file " + file + " has no request to replay"
                    + (maxIsl != null ? " with an input length of at most " + maxIsl + " (--synthesis-max-isl)" : ""));
        }
        TurnFinalizer finalizer = new TurnFinalizer(config);
        List<Conversation> conversations = new ArrayList<>(sessions.size());
        sessions.forEach((id, turns) -> {
            List<Turn> finalized = new ArrayList<>(turns.size());
            for (Turn turn : turns) {
                finalized.add(finalizer.finalizeTurn(turn, null));
            }
            conversations.add(new Conversation(id, finalized, null, null));
        });
        return conversations;
    }
}
