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
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code bailian_trace} JSONL format, Alibaba's Qwen usage traces (spec §3.4): each line one request with
 * {@code chat_id}, {@code parent_chat_id} (-1 for the first of a chat), {@code timestamp} in <em>seconds</em>,
 * {@code input_length}, {@code output_length}, {@code type} (the request's kind: text, search, image, file; not the
 * dataset type), {@code turn} and {@code hash_ids} (blocks of {@value #DEFAULT_BLOCK_SIZE} tokens unless
 * {@code --isl-block-size}). Requests chained by {@code parent_chat_id} form one conversation, named after its
 * root's {@code chat_id}, its turns in {@code turn} order; every turn keeps its own timestamp, in ms.
 */
public final class BailianTraceDatasetLoader implements CustomDatasetLoader {

    static final String TYPE = "bailian_trace";
    static final int DEFAULT_BLOCK_SIZE = 16;
    static final String EXAMPLE = "{\"chat_id\": 159, \"parent_chat_id\": -1, \"timestamp\": 61.1,"
            + " \"input_length\": 20, \"output_length\": 80, \"type\": \"text\", \"turn\": 1, \"hash_ids\": [1089, 1090]}";
    private static final Set<String> FIELDS = Set.of("chat_id", "parent_chat_id", "timestamp", "input_length",
            "output_length", "type", "turn", "hash_ids");

    private final BenchmarkConfig config;
    private final Tokenizer tokenizer;

    public BailianTraceDatasetLoader(DatasetContext context) {
        this.config = context.config();
        this.tokenizer = context.tokenizer();
    }

    @Override
    public boolean canLoad(Path file) throws IOException {
        return DatasetFiles.firstLineParses(file, line -> parse(line, 0));
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
        List<Row> rows = new ArrayList<>();
        Map<Long, Row> byId = new HashMap<>();
        for (DatasetLine line : DatasetFiles.lines(file, TYPE, EXAMPLE)) {
            Row row = parse(line, prompts.blockSize());
            if (byId.putIfAbsent(row.chatId(), row) != null) {
                throw line.error("/chat_id", "chat_id " + row.chatId() + " was already used on line "
                        + byId.get(row.chatId()).line().number() + "; each request needs its own");
            }
            if (replay.keeps(row.inputLength())) {
                rows.add(row);
            }
        }
        byId.values().removeIf(row -> !replay.keeps(row.inputLength()));
        Map<Long, List<Row>> chats = new LinkedHashMap<>();
        for (Row row : rows) {
            chats.computeIfAbsent(root(row, byId), id -> new ArrayList<>()).add(row);
        }
        Map<String, List<Turn>> sessions = new LinkedHashMap<>();
        chats.forEach((root, chat) -> {
            chat.sort(Comparator.comparingInt(Row::turn));
            List<Turn> turns = new ArrayList<>(chat.size());
            for (Row row : chat) {
                String prompt = prompts.prompt(row.inputLength(), row.hashIds());
                turns.add(new Turn(null, null, replay.time(row.timestampMs()), null, replay.outputLength(row.outputLength()),
                        List.of(new Turn.Text("text", List.of(prompt)))));
            }
            sessions.put(Long.toString(root), turns);
        });
        return TraceConversations.of(sessions, config, file);
    }

    /** The first request of a row's chat: its parent's root, while the parent is in the file. */
    private static long root(Row row, Map<Long, Row> byId) {
        Row at = row;
        for (int hops = 0; hops <= byId.size(); hops++) {
            Row parent = at.parentChatId() < 0 ? null : byId.get(at.parentChatId());
            if (parent == null) {
                return at.chatId();
            }
            at = parent;
        }
        throw row.line().error("/parent_chat_id", "the parent_chat_id links of chat " + row.chatId()
                + " form a cycle");
    }

    record Row(DatasetLine line, long chatId, long parentChatId, long timestampMs, int inputLength,
               int outputLength, int turn, List<Long> hashIds) {
    }

    /** @param blockSize tokens per hash-id block, or 0 not to check that the row fits it */
    static Row parse(DatasetLine line, int blockSize) {
        JsonNode json = line.object(EXAMPLE);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw line.error("/" + name, "unknown field; a " + TYPE + " line has chat_id, parent_chat_id,"
                        + " timestamp, input_length, output_length, type, turn and hash_ids, e.g. " + EXAMPLE);
            }
        }
        for (String required : List.of("chat_id", "timestamp", "input_length", "output_length")) {
            if (!json.hasNonNull(required)) {
                throw line.error("", "a " + TYPE + " line needs '" + required + "', e.g. " + EXAMPLE);
            }
        }
        long chatId = wholeNumber(line, json, "chat_id", 0);
        long parent = json.hasNonNull("parent_chat_id") ? wholeNumber(line, json, "parent_chat_id", -1) : -1;
        JsonNode seconds = json.get("timestamp");
        if (!seconds.isNumber() || seconds.doubleValue() < 0) {
            throw line.error("/timestamp", "must be a number of seconds (0 or more), got " + seconds);
        }
        int input = TurnFields.positiveInt(line, json.get("input_length"), "/input_length");
        int output = TurnFields.nonNegativeInt(line, json.get("output_length"), "/output_length");
        int turn = json.hasNonNull("turn") ? TurnFields.positiveInt(line, json.get("turn"), "/turn") : 1;
        if (json.hasNonNull("type") && !json.get("type").isTextual()) {
            throw line.error("/type", "must be a string such as \"text\", got " + TurnFields.kind(json.get("type")));
        }
        List<Long> hashIds = TraceHashIds.read(line, json, input, blockSize);
        return new Row(line, chatId, parent, Math.round(seconds.doubleValue() * 1000), input, output, turn, hashIds);
    }

    private static long wholeNumber(DatasetLine line, JsonNode json, String field, long min) {
        JsonNode value = json.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min) {
            throw line.error("/" + field, "must be a whole number of " + min + " or more, got " + value);
        }
        return value.longValue();
    }
}
