package dev.aiperf.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.dataset.CustomDatasetLoader;
import dev.aiperf.api.dataset.DatasetContext;
import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code raw_payload} format: one whole JSON request body per line, each its own one-turn conversation, sent by
 * the {@code raw} endpoint exactly as written. The texts of the body ({@code messages[].content}, {@code prompt},
 * {@code input}, {@code inputs}) are kept beside it only so input tokens can be counted; the body's {@code model}
 * names the turn's model in the records. Never auto-detected: any JSON object would match, so the type is given
 * with {@code --custom-dataset-type raw_payload}.
 */
public final class RawPayloadDatasetLoader implements CustomDatasetLoader {

    static final String TYPE = "raw_payload";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BenchmarkConfig config;

    public RawPayloadDatasetLoader(DatasetContext context) {
        this.config = context.config();
    }

    @Override
    public boolean canLoad(Path file) {
        return false;
    }

    /**
     * @throws InvalidDatasetException when the endpoint is not {@code raw}, or a line is not a JSON object
     */
    @Override
    public List<Conversation> load(Path file) throws IOException {
        if (!"raw".equals(config.endpoint().type())) {
            throw new InvalidDatasetException("--custom-dataset-type " + TYPE + " holds whole request bodies, sent as"
                    + " they are only by --endpoint-type raw (the endpoint type is " + config.endpoint().type() + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidDatasetException("Input file " + file + " does not exist or is not a regular file"
                    + " (--input-file)");
        }
        SessionIds sessionIds = new SessionIds(config.input().randomSeed());
        List<Conversation> conversations = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            long number = 0;
            while ((line = readLine(reader, file, number + 1)) != null) {
                number++;
                if (!line.isBlank()) {
                    conversations.add(new Conversation(sessionIds.next(), List.of(turn(file, number, line)), null,
                            null));
                }
            }
        }
        return conversations;
    }

    private static String readLine(BufferedReader reader, Path file, long number) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new InvalidDatasetException(file + ":" + number + ": the file is not valid UTF-8 text");
        }
    }

    private Turn turn(Path file, long number, String line) {
        JsonNode body;
        try {
            body = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidDatasetException(file + ":" + number + ":" + e.getLocation().getColumnNr()
                    + ": not a JSON request body: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new InvalidDatasetException(file + ":" + number + ": a " + TYPE + " line must be one JSON object"
                    + " (a whole request body)");
        }
        List<String> texts = new ArrayList<>();
        collectTexts(body, texts);
        String model = body.path("model").isTextual() ? body.get("model").textValue()
                : config.endpoint().models().isEmpty() ? null : config.endpoint().models().getFirst();
        Integer maxTokens = firstInt(body, "max_completion_tokens", "max_tokens", "max_output_tokens");
        List<Turn.Text> named = texts.isEmpty() ? List.of() : List.of(new Turn.Text("text", texts));
        return new Turn(model, null, null, null, maxTokens, named, body);
    }

    /** The prompt texts of the common API shapes, for counting input tokens. */
    private static void collectTexts(JsonNode body, List<String> texts) {
        for (JsonNode message : body.path("messages")) {
            addContent(message.get("content"), texts);
        }
        for (String field : List.of("prompt", "input", "inputs")) {
            JsonNode value = body.get(field);
            if (value != null && value.isTextual()) {
                texts.add(value.textValue());
            } else if (value != null && value.isArray()) {
                for (JsonNode item : value) {
                    if (item.isTextual()) {
                        texts.add(item.textValue());
                    } else {
                        addContent(item.get("content"), texts);
                    }
                }
            }
        }
    }

    private static void addContent(JsonNode content, List<String> texts) {
        if (content == null) {
            return;
        }
        if (content.isTextual()) {
            texts.add(content.textValue());
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    texts.add(part.get("text").textValue());
                }
            }
        }
    }

    private static Integer firstInt(JsonNode body, String... fields) {
        for (String field : fields) {
            if (body.path(field).canConvertToInt()) {
                return body.get(field).intValue();
            }
        }
        return null;
    }
}
