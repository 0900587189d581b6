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
import java.util.List;
import java.util.Set;

/**
 * The {@code single_turn} JSONL format (spec §3.4): one JSON object per line, each its own one-turn
 * conversation. The turn's fields are those of {@link TurnFields} (text or texts, output_length, timestamp or
 * delay, role), plus {@code type}. Blank lines are skipped.
 */
public final class SingleTurnDatasetLoader implements CustomDatasetLoader {

    static final String TYPE = "single_turn";
    static final String EXAMPLE = "{\"text\": \"Hello\"}";
    private static final Set<String> FIELDS = plus(TurnFields.TIMED, "type");

    private final BenchmarkConfig config;

    public SingleTurnDatasetLoader(DatasetContext context) {
        this.config = context.config();
    }

    /** True when the first non-blank line is a valid single_turn entry. */
    @Override
    public boolean canLoad(Path file) throws IOException {
        return DatasetFiles.firstLineParses(file, SingleTurnDatasetLoader::parseTurn);
    }

    @Override
    public String rejection(Path file) throws IOException {
        return DatasetFiles.firstLineProblem(file, SingleTurnDatasetLoader::parseTurn);
    }

    @Override
    public List<Conversation> load(Path file) throws IOException {
        TurnFinalizer finalizer = new TurnFinalizer(config);
        SessionIds sessionIds = new SessionIds(config.input().randomSeed());
        List<Conversation> conversations = new ArrayList<>();
        for (DatasetLine line : DatasetFiles.lines(file, TYPE, EXAMPLE)) {
            Turn turn = finalizer.finalizeTurn(parseTurn(line), null);
            conversations.add(new Conversation(sessionIds.next(), List.of(turn), null, null));
        }
        return conversations;
    }

    private static Turn parseTurn(DatasetLine line) {
        JsonNode json = line.object(EXAMPLE);
        DatasetFiles.checkType(line, json, TYPE);
        return TurnFields.read(line, json, "", FIELDS, TYPE);
    }

    static Set<String> plus(Set<String> fields, String... more) {
        Set<String> all = new java.util.HashSet<>(fields);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
