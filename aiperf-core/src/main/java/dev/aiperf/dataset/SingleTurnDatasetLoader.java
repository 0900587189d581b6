package dev.aiperf.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.dataset.CustomDatasetLoader;
import dev.aiperf.api.dataset.DatasetContext;
import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.dataset.media.MediaKind;
import dev.aiperf.dataset.media.TurnMediaFields;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The {@code single_turn} JSONL format (spec §3.4): one JSON object per line, each its own one-turn
 * conversation. Fields: {@code text} or {@code texts} (strings, or {@code {"name","contents"}}
 * objects); {@code image}/{@code images}, {@code audio}/{@code audios}, {@code video}/{@code videos}
 * (file paths, URLs or data URIs, see {@link TurnMediaFields}); {@code timestamp} or {@code delay}
 * (ms), {@code role}. At least one text or medium per line. Blank lines are skipped.
 */
public final class SingleTurnDatasetLoader implements CustomDatasetLoader {

    static final String TYPE = "single_turn";
    private static final Set<String> TEXT_FIELDS = Set.of("text", "texts");
    private static final Set<String> MEDIA_FIELDS = Set.copyOf(MediaKind.fieldNames());
    private static final Set<String> OTHER_FIELDS = Set.of("type", "timestamp", "delay", "role");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BenchmarkConfig config;

    public SingleTurnDatasetLoader(DatasetContext context) {
        this.config = context.config();
    }

    /** True when the first non-blank line is a valid single_turn entry. */
    @Override
    public boolean canLoad(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    try {
                        parseTurn(file, number, line);
                        return true;
                    } catch (InvalidDatasetException e) {
                        return false;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public List<Conversation> load(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new InvalidDatasetException("Input file " + file + " does not exist (--input-file)");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidDatasetException("Input file " + file + " is not a regular file; the " + TYPE
                    + " format reads one JSONL file (--input-file)");
        }
        TurnFinalizer finalizer = new TurnFinalizer(config);
        SessionIds sessionIds = new SessionIds(config.input().randomSeed());
        List<Conversation> conversations = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Turn turn = finalizer.finalizeTurn(parseTurn(file, number, line), null);
                conversations.add(new Conversation(sessionIds.next(), List.of(turn), null, null));
            }
        }
        if (conversations.isEmpty()) {
            throw new InvalidDatasetException("Input file " + file + " is empty: the " + TYPE
                    + " format needs one JSON object per line, e.g. {\"text\": \"Hello\"}");
        }
        return conversations;
    }

    private static Turn parseTurn(Path file, long number, String line) {
        JsonNode json;
        try {
            json = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            long column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw InvalidDatasetException.at(file, number, column, "invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw InvalidDatasetException.at(file, number, "expected a JSON object such as {\"text\": \"Hello\"}");
        }
        checkFields(file, number, json);
        List<Turn.Text> texts = json.has("text") || json.has("texts") ? texts(file, number, json) : List.of();
        TurnMediaFields media;
        try {
            media = TurnMediaFields.read(json, file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw InvalidDatasetException.at(file, number, e.getMessage());
        }
        Long timestamp = milliseconds(file, number, json, "timestamp");
        Long delay = milliseconds(file, number, json, "delay");
        if (timestamp != null && delay != null) {
            throw InvalidDatasetException.at(file, number, "give either 'timestamp' or 'delay', not both");
        }
        String role = null;
        if (json.hasNonNull("role")) {
            if (!json.get("role").isTextual()) {
                throw InvalidDatasetException.at(file, number, "'role' must be a string such as \"user\"");
            }
            role = json.get("role").asText();
        }
        return media.applyTo(new Turn(null, role, timestamp, delay, null, texts));
    }

    private static void checkFields(Path file, long number, JsonNode json) {
        JsonNode type = json.get("type");
        if (type != null && !TYPE.equals(type.asText())) {
            throw InvalidDatasetException.at(file, number, "'type' is '" + type.asText() + "' but this loader reads "
                    + TYPE + " files (set --custom-dataset-type to match the file)");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TEXT_FIELDS.contains(name) && !MEDIA_FIELDS.contains(name) && !OTHER_FIELDS.contains(name)) {
                throw InvalidDatasetException.at(file, number, "unknown field '" + name + "'; " + TYPE
                        + " lines may have text, texts, image, images, audio, audios, video, videos, timestamp,"
                        + " delay, role and type");
            }
        }
        if (json.has("text") && json.has("texts")) {
            throw InvalidDatasetException.at(file, number, "give either 'text' or 'texts', not both");
        }
        if (!json.has("text") && !json.has("texts") && MEDIA_FIELDS.stream().noneMatch(json::hasNonNull)) {
            throw InvalidDatasetException.at(file, number, "a " + TYPE + " line needs at least one of 'text' (a"
                    + " string) or 'texts' (a list), 'image'/'images', 'audio'/'audios', 'video'/'videos', e.g."
                    + " {\"text\": \"Hello\"}");
        }
    }

    private static List<Turn.Text> texts(Path file, long number, JsonNode json) {
        if (json.has("text")) {
            JsonNode text = json.get("text");
            if (!text.isTextual()) {
                throw InvalidDatasetException.at(file, number, "'text' must be a string; use 'texts' for a list");
            }
            return List.of(new Turn.Text("", List.of(text.asText())));
        }
        JsonNode texts = json.get("texts");
        if (!texts.isArray() || texts.isEmpty()) {
            throw InvalidDatasetException.at(file, number, "'texts' must be a non-empty list of strings or of"
                    + " {\"name\": ..., \"contents\": [...]} objects");
        }
        if (texts.get(0).isTextual()) {
            List<String> contents = new ArrayList<>();
            for (JsonNode item : texts) {
                if (!item.isTextual()) {
                    throw InvalidDatasetException.at(file, number, "'texts' mixes strings and other values;"
                            + " use only strings or only {\"name\", \"contents\"} objects");
                }
                contents.add(item.asText());
            }
            return List.of(new Turn.Text("", contents));
        }
        List<Turn.Text> named = new ArrayList<>();
        for (JsonNode item : texts) {
            named.add(namedText(file, number, item));
        }
        return named;
    }

    private static Turn.Text namedText(Path file, long number, JsonNode item) {
        JsonNode contents = item.get("contents");
        if (!item.isObject() || contents == null || !contents.isArray()) {
            throw InvalidDatasetException.at(file, number, "each item of 'texts' must be a string or an object"
                    + " {\"name\": \"...\", \"contents\": [\"...\"]}");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode content : contents) {
            if (!content.isTextual()) {
                throw InvalidDatasetException.at(file, number, "'contents' of a text item must hold only strings");
            }
            values.add(content.asText());
        }
        String name = item.hasNonNull("name") ? item.get("name").asText() : "";
        return new Turn.Text(name, values);
    }

    private static Long milliseconds(Path file, long number, JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() < 0) {
            throw InvalidDatasetException.at(file, number, "'" + field + "' must be a number of milliseconds"
                    + " (0 or more), got " + value);
        }
        return Math.round(value.doubleValue());
    }
}
