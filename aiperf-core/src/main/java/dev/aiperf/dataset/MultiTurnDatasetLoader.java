package dev.aiperf.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.dataset.CustomDatasetLoader;
import dev.aiperf.api.dataset.DatasetContext;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code multi_turn} JSONL format (spec §3.4): each line {@code {"session_id"?, "turns": [turn, ...]}}, a turn
 * being a single_turn-shaped object ({@link TurnFields}) whose {@code delay} is the think time before it and
 * {@code timestamp} its fixed-schedule send time. Lines with the same {@code session_id} are joined into one
 * conversation in file order; a line without one is its own conversation with a generated id. A leading text-only
 * {@code "role": "system"} turn becomes the conversation's system message, sent first on each of its requests.
 */
public final class MultiTurnDatasetLoader implements CustomDatasetLoader {

    static final String TYPE = "multi_turn";
    static final String EXAMPLE = "{\"session_id\": \"chat_1\", \"turns\": [{\"text\": \"Hello\"},"
            + " {\"text\": \"And then?\", \"delay\": 1000}]}";
    private static final Set<String> LINE_FIELDS = Set.of("session_id", "turns", "type");

    private final BenchmarkConfig config;

    public MultiTurnDatasetLoader(DatasetContext context) {
        this.config = context.config();
    }

    @Override
    public boolean canLoad(Path file) throws IOException {
        return DatasetFiles.firstLineParses(file, MultiTurnDatasetLoader::parse);
    }

    @Override
    public String rejection(Path file) throws IOException {
        return DatasetFiles.firstLineProblem(file, MultiTurnDatasetLoader::parse);
    }

    @Override
    public List<Conversation> load(Path file) throws IOException {
        SessionIds generated = new SessionIds(config.input().randomSeed());
        Map<String, List<Turn>> sessions = new LinkedHashMap<>();
        for (DatasetLine line : DatasetFiles.lines(file, TYPE, EXAMPLE)) {
            Session session = parse(line);
            String id = session.id() != null ? session.id() : generated.next();
            sessions.computeIfAbsent(id, key -> new ArrayList<>()).addAll(session.turns());
        }
        TurnFinalizer finalizer = new TurnFinalizer(config);
        List<Conversation> conversations = new ArrayList<>(sessions.size());
        sessions.forEach((id, turns) -> conversations.add(conversation(id, turns, finalizer)));
        return conversations;
    }

    private static Conversation conversation(String id, List<Turn> turns, TurnFinalizer finalizer) {
        String system = null;
        List<Turn> sent = turns;
        if (turns.size() > 1 && "system".equals(turns.getFirst().role())) {
            system = String.join("\n", turns.getFirst().allTexts());
            sent = turns.subList(1, turns.size());
        }
        List<Turn> finalized = new ArrayList<>(sent.size());
        for (Turn turn : sent) {
            finalized.add(finalizer.finalizeTurn(turn, null));
        }
        return new Conversation(id, finalized, system, null);
    }

    private record Session(String id, List<Turn> turns) {
    }

    private static Session parse(DatasetLine line) {
        JsonNode json = line.object(EXAMPLE);
        DatasetFiles.checkType(line, json, TYPE);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!LINE_FIELDS.contains(name)) {
                throw line.error("/" + name, "unknown field; a " + TYPE + " line has session_id, turns and type,"
                        + " and each turn the fields of a single_turn line, e.g. " + EXAMPLE);
            }
        }
        String id = null;
        JsonNode sessionId = json.get("session_id");
        if (sessionId != null && !sessionId.isNull()) {
            if (!sessionId.isTextual() && !sessionId.isIntegralNumber()) {
                throw line.error("/session_id", "must be a string, got " + TurnFields.kind(sessionId));
            }
            id = sessionId.asText();
        }
        JsonNode turns = json.get("turns");
        if (turns == null || !turns.isArray() || turns.isEmpty()) {
            throw line.error(turns == null ? "" : "/turns", "a " + TYPE + " line needs 'turns', a non-empty list of"
                    + " turns, e.g. " + EXAMPLE);
        }
        List<Turn> parsed = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            parsed.add(TurnFields.read(line, turns.get(i), "/turns/" + i, TurnFields.TIMED, TYPE));
        }
        return new Session(id, parsed);
    }
}
