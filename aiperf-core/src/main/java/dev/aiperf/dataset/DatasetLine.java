package dev.aiperf.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.dataset.InvalidDatasetException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One non-blank line of a dataset file, with what is needed to say exactly where a problem is:
 * {@code file:line:column} and the field, written as {@code turns[1].delay}.
 *
 * @param file   the file the line is from
 * @param number 1-based line number
 * @param text   the line, without its line break
 */
public record DatasetLine(Path file, long number, String text) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The line as a JSON object; an error at the offending column otherwise. */
    public JsonNode object(String example) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            long column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw InvalidDatasetException.at(file, number, column, "invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw InvalidDatasetException.at(file, number, "expected a JSON object such as " + example);
        }
        return json;
    }

    /**
     * A problem with the value at {@code pointer} (a JSON pointer such as {@code /turns/1/delay}; empty for the
     * whole line): the message names the field and the column where it starts.
     */
    public InvalidDatasetException error(String pointer, String problem) {
        String where = file + ":" + number + ":" + column(pointer) + ": ";
        return new InvalidDatasetException(where + (pointer.isEmpty() ? "" : "field '" + fieldName(pointer) + "': ")
                + problem);
    }

    /** A problem with the field {@code field} whose value starts at {@code column} (1-based), e.g. a CSV cell. */
    public InvalidDatasetException errorAt(long column, String field, String problem) {
        return new InvalidDatasetException(file + ":" + number + ":" + column + ": field '" + field + "': " + problem);
    }

    /** {@code /turns/1/delay} as {@code turns[1].delay}. */
    public static String fieldName(String pointer) {
        StringBuilder name = new StringBuilder();
        for (String part : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/")) {
            if (!part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
                name.append('[').append(part).append(']');
            } else {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return name.toString();
    }

    /**
     * The 1-based column where the value at {@code pointer} starts (its key, for an object member), found by
     * re-reading the line: only on the error path, so its cost does not matter.
     */
    long column(String pointer) {
        if (pointer.isEmpty()) {
            return 1;
        }
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY
                        && parser.getParsingContext().pathAsPointer().toString().equals(pointer)) {
                    return Math.max(1, parser.currentTokenLocation().getColumnNr());
                }
            }
        } catch (IOException e) {
            return 1;
        }
        return 1;
    }
}
