package dev.aiperf.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.dataset.CustomDatasetLoader;
import dev.aiperf.api.dataset.DatasetContext;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.tokenizer.Tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code mooncake_trace} JSONL format (spec §3.4, §3.6): each line one request, given either by
 * {@code input_length} (tokens; with optional {@code hash_ids}, prompts built from per-hash-id blocks of
 * {@value #DEFAULT_BLOCK_SIZE} tokens unless {@code --isl-block-size}) or by {@code text_input} (the prompt as
 * is). {@code output_length} becomes the turn's max tokens, {@code timestamp} (ms) its fixed-schedule send time,
 * {@code delay} (ms) its think time. Lines sharing a {@code session_id} form one conversation in file order;
 * other lines are each their own conversation.
 */
public final class MooncakeTraceDatasetLoader implements CustomDatasetLoader {

    static final String TYPE = "mooncake_trace";
    static final int DEFAULT_BLOCK_SIZE = 512;
    static final String EXAMPLE = "{\"timestamp\": 0, \"input_length\": 1800, \"output_length\": 26,"
            + " \"hash_ids\": [0, 1, 2, 3]}";
    private static final Set<String> FIELDS = Set.of("input_length", "hash_ids", "text_input", "messages", "tools",
            "output_length", "timestamp", "delay", "session_id", "type");

    private final BenchmarkConfig config;
    private final Tokenizer tokenizer;

    public MooncakeTraceDatasetLoader(DatasetContext context) {
        this.config = context.config();
        this.tokenizer = context.tokenizer();
    }

    @Override
    public boolean canLoad(Path file) throws IOException {
        return DatasetFiles.firstLineParses(file, line -> parse(line, 0)); // the block size is the run's: not checked here
    }

    @Override
    public String rejection(Path file) throws IOException {
        return DatasetFiles.firstLineProblem(file, line -> parse(line, 0));
    }

    @Override
    public List<Conversation> load(Path file) throws IOException {
        TraceReplay replay = new TraceReplay(config.input().trace());
        TracePrompts prompts = new TracePrompts(tokenizer, config.input().randomSeed(),
                replay.blockSize(DEFAULT_BLOCK_SIZE));
        SessionIds generated = new SessionIds(config.input().randomSeed());
        Map<String, List<Turn>> sessions = new LinkedHashMap<>();
        for (DatasetLine line : DatasetFiles.lines(file, TYPE, EXAMPLE)) {
            Row row = parse(line, prompts.blockSize());
            if (row.inputLength() != null && !replay.keeps(row.inputLength())) {
                continue;
            }
            String prompt = row.textInput() != null ? row.textInput() : prompts.prompt(row.inputLength(), row.hashIds());
            Turn turn = new Turn(null, null, replay.time(row.timestampMs()), replay.time(row.delayMs()),
                    replay.outputLength(row.outputLength()), List.of(new Turn.Text("text", List.of(prompt))));
            String id = row.sessionId() != null ? row.sessionId() : generated.next();
            sessions.computeIfAbsent(id, key -> new ArrayList<>()).add(turn);
        }
        return TraceConversations.of(sessions, config, file);
    }

    /** One validated line. */
    record Row(String sessionId, Integer inputLength, List<Long> hashIds, String textInput, Integer outputLength,
               Long timestampMs, Long delayMs) {
    }

    /** @param blockSize tokens per hash-id block, or 0 not to check that the row fits it */
    static Row parse(DatasetLine line, int blockSize) {
        JsonNode json = line.object(EXAMPLE);
        DatasetFiles.checkType(line, json, TYPE);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw line.error("/" + name, "unknown field; a " + TYPE + " line may have input_length, hash_ids,"
                        + " text_input, output_length, timestamp, delay and session_id, e.g. " + EXAMPLE);
            }
        }
        if (json.has("messages") || json.has("tools")) {
            throw line.error(json.has("messages") ? "/messages" : "/tools", "sending a trace's recorded 'messages'"
                    + " and 'tools' verbatim is not supported by this build; give 'input_length' or 'text_input'");
        }
        boolean length = json.has("input_length");
        boolean text = json.has("text_input");
        if (length == text) {
            throw line.error(length ? "/text_input" : "", "a " + TYPE + " line needs exactly one of 'input_length'"
                    + " (tokens, with optional 'hash_ids') and 'text_input' (the prompt), e.g. " + EXAMPLE);
        }
        Integer inputLength = null;
        String textInput = null;
        List<Long> hashIds = List.of();
        if (length) {
            inputLength = TurnFields.positiveInt(line, json.get("input_length"), "/input_length");
            hashIds = TraceHashIds.read(line, json, inputLength, blockSize);
        } else {
            if (json.has("hash_ids")) {
                throw line.error("/hash_ids", "only goes with 'input_length', not with 'text_input'");
            }
            if (!json.get("text_input").isTextual()) {
                throw line.error("/text_input", "must be a string, got " + TurnFields.kind(json.get("text_input")));
            }
            textInput = json.get("text_input").asText();
        }
        Integer outputLength = json.hasNonNull("output_length")
                ? TurnFields.nonNegativeInt(line, json.get("output_length"), "/output_length") : null;
        String sessionId = null;
        if (json.hasNonNull("session_id")) {
            JsonNode id = json.get("session_id");
            if (!id.isTextual() && !id.isIntegralNumber()) {
                throw line.error("/session_id", "must be a string, got " + TurnFields.kind(id));
            }
            sessionId = id.asText();
        }
        return new Row(sessionId, inputLength, hashIds, textInput, outputLength,
                TurnFields.milliseconds(line, json, "", "timestamp"), TurnFields.milliseconds(line, json, "", "delay"));
    }
}
