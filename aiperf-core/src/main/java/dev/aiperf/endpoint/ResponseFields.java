package dev.aiperf.endpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ReceivedResponses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the chat and completions endpoints read from one response (spec §4.7), taken in one pass of a
 * streaming parser over the received UTF-8 bytes: {@code object}, the texts of {@code choices[0]} and
 * the top-level {@code usage}. Every other value is skipped without being built; only {@code usage}
 * (once per stream) becomes a tree, since {@link dev.aiperf.api.model.ParsedResponse} carries it as one.
 *
 * <p>Hand-written rather than {@code readTree} because a tree per streamed chunk was most of the client's
 * CPU (bench/README.md, issue 12). It gives the same answers as the tree reading it replaces: a key given
 * twice counts with its last value, a value that should be text but is not is an error only when the
 * endpoint reads it, and text after the top-level value is ignored. Plain JSON objects (every chunk of an
 * OpenAI-compatible server) are first read by {@link ResponseFieldsScanner}, without a parser; whatever it
 * does not take, the parser reads.
 */
final class ResponseFields {

    private static final String DONE = "[DONE]";

    /** The {@code object} value as text ({@code asText} of a scalar, "" of a container), or null. */
    String object;
    /** {@code choices[0].delta} and {@code choices[0].message}; null when absent or not an object. */
    ChoiceTexts delta;
    ChoiceTexts message;
    /** {@code choices[0].text}: a String, a JsonNode when it is not text, or null. */
    Object text;
    /** The top-level {@code usage} when it is a non-empty object, else null. */
    JsonNode usage;

    /** The texts of a {@code delta} or {@code message}: each a String, a JsonNode when not text, or null. */
    static final class ChoiceTexts {
        Object content;
        Object reasoningContent;
        Object reasoning;

        /** This, emptied, for a scanner that reuses it. */
        ChoiceTexts cleared() {
            content = null;
            reasoningContent = null;
            reasoning = null;
            return this;
        }
    }

    ResponseFields() {
    }

    /** This, emptied, for a scanner that reuses it. */
    ResponseFields cleared() {
        object = null;
        delta = null;
        message = null;
        text = null;
        usage = null;
        return this;
    }

    /**
     * Reads one response, or returns null when there is nothing to read: no bytes, only whitespace,
     * {@code [DONE]}, or text that is not JSON at all (such responses are dropped, as in the original).
     * What it returns may be reused by this thread's next read: take what is needed from it first.
     *
     * @throws IllegalArgumentException when the response is JSON but not an object, or starts as JSON
     *                                  and is malformed (a broken chunk fails its request; it is not dropped)
     */
    static ResponseFields read(InferenceResponse response, String endpointName) {
        return read(response.utf8Bytes(), response.utf8Offset(), response.utf8Length(), endpointName, response);
    }

    /**
     * The same for response {@code index} of a request's received responses, read from their bytes without an
     * {@link InferenceResponse}.
     */
    static ResponseFields read(ReceivedResponses responses, int index, String endpointName) {
        return read(responses.utf8Bytes(), responses.utf8Offset(index), responses.utf8Length(index), endpointName,
                null);
    }

    /** The response in {@code bytes[offset, offset + length)}; {@code source}, when given, gives error messages its text. */
    private static ResponseFields read(byte[] bytes, int offset, int length, String endpointName,
                                       InferenceResponse source) {
        int from = offset;
        int to = offset + length;
        while (from < to && isWhitespace(bytes[from])) {
            from++;
        }
        while (to > from && isWhitespace(bytes[to - 1])) {
            to--;
        }
        if (from == to || isDone(bytes, from, to)) {
            return null;
        }
        if (bytes[from] == '{') {
            ResponseFields scanned = ResponseFieldsScanner.scanRemembering(bytes, from, to);
            if (scanned != null) {
                return scanned;
            }
        }
        return parse(source != null ? source.text() : null, endpointName, bytes, from, to, offset, length);
    }

    /** The reading by Jackson's streaming parser of the trimmed text {@code bytes[from, to)}: the reference. */
    static ResponseFields parse(InferenceResponse response, String endpointName, byte[] bytes, int from, int to) {
        return parse(response.text(), endpointName, bytes, from, to, 0, 0);
    }

    /**
     * The same; error messages quote {@code text}, or when it is null the response's bytes
     * {@code bytes[offset, offset + length)} decoded as {@link InferenceResponse#text()} decodes them.
     */
    private static ResponseFields parse(String text, String endpointName, byte[] bytes, int from, int to,
                                        int offset, int length) {
        try (JsonParser parser = EndpointOptions.MAPPER.getFactory().createParser(bytes, from, to - from)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("The " + endpointName + " endpoint expected a JSON object in the"
                        + " response but got " + typeName(first) + ": "
                        + ResponseJson.abbreviate(text != null ? text : decode(bytes, offset, length)));
            }
            ResponseFields fields = new ResponseFields();
            fields.readRoot(parser);
            return fields;
        } catch (StreamReadException malformed) {
            if (bytes[from] == '{' || bytes[from] == '[') {
                throw ResponseJson.malformed(endpointName, malformed,
                        text != null ? text : decode(bytes, offset, length));
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does no I/O
        }
    }

    private void readRoot(JsonParser parser) throws IOException {
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "object" -> object = value == JsonToken.VALUE_NULL ? null
                        : value == JsonToken.VALUE_STRING ? parser.getText() : tree(parser).asText();
                case "choices" -> readChoices(parser, value);
                case "usage" -> {
                    if (value == JsonToken.START_OBJECT) {
                        JsonNode node = tree(parser);
                        usage = node.isEmpty() ? null : node;
                    } else {
                        usage = null;
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
    }

    private void readChoices(JsonParser parser, JsonToken value) throws IOException {
        delta = null;
        message = null;
        text = null;
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        JsonToken element = parser.nextToken();
        if (element == JsonToken.START_OBJECT) {
            readFirstChoice(parser);
        } else if (element != JsonToken.END_ARRAY) {
            parser.skipChildren();
        }
        if (element != JsonToken.END_ARRAY) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
            }
        }
    }

    private void readFirstChoice(JsonParser parser) throws IOException {
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "delta" -> delta = readTexts(parser, value);
                case "message" -> message = readTexts(parser, value);
                case "text" -> text = textOrNode(parser, value);
                default -> parser.skipChildren();
            }
        }
    }

    private static ChoiceTexts readTexts(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        ChoiceTexts texts = new ChoiceTexts();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "content" -> texts.content = textOrNode(parser, token);
                case "reasoning_content" -> texts.reasoningContent = textOrNode(parser, token);
                case "reasoning" -> texts.reasoning = textOrNode(parser, token);
                default -> parser.skipChildren();
            }
        }
        return texts;
    }

    /** A string value as a String, null as null, anything else as its tree (an error if it is read). */
    private static Object textOrNode(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        return value == JsonToken.VALUE_NULL ? null : tree(parser);
    }

    private static JsonNode tree(JsonParser parser) throws IOException {
        return EndpointOptions.MAPPER.readTree(parser);
    }

    /**
     * A text slot's value, or null when it is absent, null or empty.
     *
     * @throws IllegalArgumentException when the value is not text
     */
    static String nonEmptyText(Object slot, String field) {
        if (slot instanceof JsonNode node) {
            throw new IllegalArgumentException("Expected '" + field + "' to be a string but got "
                    + node.getNodeType().name().toLowerCase() + ": " + ResponseJson.abbreviate(node.toString()));
        }
        String text = (String) slot;
        return text == null || text.isEmpty() ? null : text;
    }

    private static String typeName(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase();
        };
    }

    /** The text of response {@code index}, as its {@link InferenceResponse#text()} would be: for error messages. */
    static String text(ReceivedResponses responses, int index) {
        return decode(responses.utf8Bytes(), responses.utf8Offset(index), responses.utf8Length(index));
    }

    /** A response's text as {@link InferenceResponse#text()} has it: malformed UTF-8 replaced. */
    static String decode(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    private static boolean isDone(byte[] bytes, int from, int to) {
        if (to - from != DONE.length()) {
            return false;
        }
        for (int i = 0; i < DONE.length(); i++) {
            if (bytes[from + i] != DONE.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII whitespace {@link String#strip()} removes; other whitespace is left to the JSON parser. */
    private static boolean isWhitespace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
    }
}
