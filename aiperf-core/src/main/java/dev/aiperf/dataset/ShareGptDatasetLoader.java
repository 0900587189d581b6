package dev.aiperf.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.dataset.DatasetContext;
import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.dataset.PublicDatasetLoader;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.tokenizer.Tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ShareGPT public dataset (spec §3.8) from a local copy of the original's
 * {@code ShareGPT_V3_unfiltered_cleaned_split.json}: a JSON array of {@code {"id", "conversations":
 * [{"from", "value"}, ...]}} entries. For each entry with at least two messages the first is the prompt
 * and the second the completion; both are counted in the run's tokenizer and the entry is kept when the
 * prompt has 4 to 1024 tokens, the completion at least 4 (not checked when {@code --osl} is given) and
 * both together at most 2048, the filter the original takes from vLLM. Each kept entry becomes a one-turn
 * conversation with its prompt as a text named {@code ""} and {@code max_tokens} = the completion's
 * token count. The file is streamed, one entry at a time.
 */
public final class ShareGptDatasetLoader implements PublicDatasetLoader {

    /** The file name of the original's download, for messages. */
    public static final String FILE_NAME = "ShareGPT_V3_unfiltered_cleaned_split.json";
    static final int MIN_SEQUENCE_TOKENS = 4;
    static final int MAX_PROMPT_TOKENS = 1024;
    static final int MAX_TOTAL_TOKENS = 2048;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LAYOUT = "a ShareGPT file is a JSON array of {\"conversations\": [{\"from\": \"human\","
            + " \"value\": \"...\"}, {\"from\": \"gpt\", \"value\": \"...\"}]} entries";

    private final BenchmarkConfig config;
    private final Tokenizer tokenizer;

    public ShareGptDatasetLoader(DatasetContext context) {
        this.config = context.config();
        this.tokenizer = context.tokenizer();
    }

    @Override
    public List<Conversation> load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidDatasetException("--input-file " + file + " does not exist or is not a file; give a"
                    + " local copy of " + FILE_NAME + " (nothing is downloaded)");
        }
        if (tokenizer == null) {
            throw new InvalidDatasetException("the sharegpt dataset needs a tokenizer to filter prompts by length");
        }
        boolean checkCompletionLength = config.input().oslMean() == null;
        ModelPicker models = new ModelPicker(config);
        SessionIds sessionIds = new SessionIds(config.input().randomSeed());
        List<Conversation> conversations = new ArrayList<>();
        JsonFactory factory = MAPPER.getFactory();
        try (InputStream in = Files.newInputStream(file); JsonParser parser = factory.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw at(file, parser.currentTokenLocation(), "expected a JSON array; " + LAYOUT);
            }
            long index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw at(file, parser.currentLocation(), "the JSON array is not closed (the file is cut short?)");
                }
                JsonLocation where = parser.currentTokenLocation();
                JsonNode entry = parser.readValueAsTree();
                Pair pair = pair(file, where, index++, entry);
                if (pair == null) {
                    continue;
                }
                int promptTokens = tokenizer.count(pair.prompt);
                int completionTokens = tokenizer.count(pair.completion);
                if (!valid(promptTokens, completionTokens, checkCompletionLength)) {
                    continue;
                }
                Turn turn = new Turn(models.next(), null, null, null, completionTokens,
                        List.of(new Turn.Text("", List.of(pair.prompt))));
                conversations.add(new Conversation(sessionIds.next(), List.of(turn), null, null));
            }
        } catch (JsonProcessingException e) {
            throw at(file, e.getLocation(), "invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (conversations.isEmpty()) {
            throw new InvalidDatasetException("--input-file " + file + ": no ShareGPT entry passed the length filter"
                    + " (prompt " + MIN_SEQUENCE_TOKENS + " to " + MAX_PROMPT_TOKENS + " tokens, completion at least "
                    + MIN_SEQUENCE_TOKENS + ", together at most " + MAX_TOTAL_TOKENS + ", in " + tokenizer.name()
                    + " tokens)");
        }
        return conversations;
    }

    /** The original's filter (from vLLM's benchmark_dataset.py). */
    static boolean valid(int promptTokens, int completionTokens, boolean checkCompletionLength) {
        return promptTokens >= MIN_SEQUENCE_TOKENS && promptTokens <= MAX_PROMPT_TOKENS
                && (!checkCompletionLength || completionTokens >= MIN_SEQUENCE_TOKENS)
                && promptTokens + completionTokens <= MAX_TOTAL_TOKENS;
    }

    private record Pair(String prompt, String completion) {
    }

    /** The first two messages' values, or null for an entry with fewer than two messages. */
    private static Pair pair(Path file, JsonLocation where, long index, JsonNode entry) {
        if (!entry.isObject()) {
            throw at(file, where, "entry " + index + " is not an object; " + LAYOUT);
        }
        JsonNode messages = entry.get("conversations");
        if (messages == null || messages.isNull()) {
            return null;
        }
        if (!messages.isArray()) {
            throw at(file, where, "entry " + index + ": 'conversations' must be a list of {\"from\", \"value\"}"
                    + " messages");
        }
        if (messages.size() < 2) {
            return null;
        }
        return new Pair(value(file, where, index, messages.get(0)), value(file, where, index, messages.get(1)));
    }

    private static String value(Path file, JsonLocation where, long index, JsonNode message) {
        JsonNode value = message.get("value");
        if (!message.isObject() || value == null || !value.isTextual()) {
            throw at(file, where, "entry " + index + ": each message of 'conversations' needs a string 'value'");
        }
        return value.textValue();
    }

    private static InvalidDatasetException at(Path file, JsonLocation where, String problem) {
        return at(file, where, problem, null);
    }

    private static InvalidDatasetException at(Path file, JsonLocation where, String problem, Throwable cause) {
        long line = where == null ? 1 : Math.max(1, where.getLineNr());
        long column = where == null ? 1 : Math.max(1, where.getColumnNr());
        return InvalidDatasetException.at(file, line, column, problem, cause);
    }
}
