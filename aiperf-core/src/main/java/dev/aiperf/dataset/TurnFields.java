package dev.aiperf.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.model.Turn;
import dev.aiperf.dataset.media.MediaKind;
import dev.aiperf.dataset.media.TurnMediaFields;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one turn object (spec §3.4), the same for every format whose turns are written as
 * JSON objects: a single_turn line, each item of a multi_turn line's {@code turns}, a random_pool line. What a
 * turn may hold is defined here once: {@code text} or {@code texts} (strings, or {@code {"name", "contents"}}
 * batches), the media fields {@code image(s)}, {@code audio(s)}, {@code video(s)} ({@link TurnMediaFields}),
 * {@code output_length} (its max tokens), and, where the format has timing, {@code timestamp} or
 * {@code delay} (ms) and {@code role}. At least one text or medium. Errors name the file, line, column and field.
 */
final class TurnFields {

    /** Media fields, singular and plural. */
    static final List<String> MEDIA = MediaKind.fieldNames();
    /** Fields of a turn in a format without timing (random_pool). */
    static final Set<String> CONTENT;
    /** Fields of a turn in a format with timing and roles (single_turn, multi_turn). */
    static final Set<String> TIMED;

    static {
        Set<String> content = new LinkedHashSet<>(List.of("text", "texts", "output_length"));
        content.addAll(MEDIA);
        CONTENT = Set.copyOf(content);
        Set<String> timed = new LinkedHashSet<>(CONTENT);
        timed.addAll(List.of("timestamp", "delay", "role"));
        TIMED = Set.copyOf(timed);
    }

    private TurnFields() {
    }

    /**
     * The turn held by {@code node}.
     *
     * @param at      JSON pointer of {@code node} in the line ({@code ""} for the whole line)
     * @param allowed every field name {@code node} may have: {@link #CONTENT} or {@link #TIMED} plus the format's own
     * @param format  the format's name, for messages
     */
    static Turn read(DatasetLine line, JsonNode node, String at, Set<String> allowed, String format) {
        if (!node.isObject()) {
            throw line.error(at, "expected an object such as {\"text\": \"Hello\"}, got " + kind(node));
        }
        checkNames(line, node, at, allowed, format);
        List<Turn.Text> texts = node.has("text") || node.has("texts") ? texts(line, node, at) : List.of();
        TurnMediaFields media = media(line, node, at);
        Long timestamp = milliseconds(line, node, at, "timestamp");
        Long delay = milliseconds(line, node, at, "delay");
        if (timestamp != null && delay != null) {
            throw line.error(at + "/delay", "give either 'timestamp' or 'delay', not both");
        }
        String role = null;
        if (node.hasNonNull("role")) {
            if (!node.get("role").isTextual()) {
                throw line.error(at + "/role", "must be a string such as \"user\", got " + kind(node.get("role")));
            }
            role = node.get("role").asText();
        }
        Integer maxTokens = null;
        if (node.hasNonNull("output_length")) {
            maxTokens = positiveInt(line, node.get("output_length"), at + "/output_length");
        }
        return media.applyTo(new Turn(null, role, timestamp, delay, maxTokens, texts));
    }

    /**
     * The media fields; local paths are looked up relative to the working directory, then to the dataset file's
     * folder. A problem is reported at the field it is about.
     */
    private static TurnMediaFields media(DatasetLine line, JsonNode node, String at) {
        try {
            return TurnMediaFields.read(node, line.file().toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            for (String field : MEDIA) {
                String quoted = "'" + field + "'";
                if (message.startsWith(quoted)) {
                    String problem = message.substring(quoted.length()).replaceFirst("^:? ", "");
                    throw line.error(at + "/" + field, problem);
                }
            }
            String present = MEDIA.stream().filter(node::has).reduce((first, second) -> second).orElse("");
            throw line.error(present.isEmpty() ? at : at + "/" + present, message);
        }
    }

    private static void checkNames(DatasetLine line, JsonNode node, String at, Set<String> allowed, String format) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw line.error(at + "/" + name, "unknown field; a " + format + " turn may have "
                        + String.join(", ", sorted(allowed)));
            }
        }
        if (node.has("text") && node.has("texts")) {
            throw line.error(at + "/texts", "give either 'text' or 'texts', not both");
        }
        if (!node.has("text") && !node.has("texts") && MEDIA.stream().noneMatch(node::hasNonNull)) {
            throw line.error(at, "a " + format + " turn needs at least one of 'text' (a string) or 'texts' (a list),"
                    + " 'image'/'images', 'audio'/'audios', 'video'/'videos', e.g. {\"text\": \"Hello\"}");
        }
    }

    private static List<Turn.Text> texts(DatasetLine line, JsonNode node, String at) {
        if (node.has("text")) {
            JsonNode text = node.get("text");
            if (!text.isTextual()) {
                throw line.error(at + "/text", "must be a string (use 'texts' for a list), got " + kind(text));
            }
            return List.of(new Turn.Text("", List.of(text.asText())));
        }
        JsonNode texts = node.get("texts");
        String pointer = at + "/texts";
        if (!texts.isArray() || texts.isEmpty()) {
            throw line.error(pointer, "must be a non-empty list of strings or of {\"name\": ..., \"contents\": [...]}"
                    + " objects");
        }
        if (texts.get(0).isTextual()) {
            List<String> contents = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (!texts.get(i).isTextual()) {
                    throw line.error(pointer + "/" + i, "mixes strings and other values; use only strings or only"
                            + " {\"name\", \"contents\"} objects");
                }
                contents.add(texts.get(i).asText());
            }
            return List.of(new Turn.Text("", contents));
        }
        List<Turn.Text> named = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            named.add(namedText(line, texts.get(i), pointer + "/" + i));
        }
        return named;
    }

    private static Turn.Text namedText(DatasetLine line, JsonNode item, String at) {
        JsonNode contents = item.get("contents");
        if (!item.isObject() || contents == null || !contents.isArray()) {
            throw line.error(at, "each item must be a string or an object {\"name\": \"...\", \"contents\": [\"...\"]}");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            if (!contents.get(i).isTextual()) {
                throw line.error(at + "/contents/" + i, "must be a string, got " + kind(contents.get(i)));
            }
            values.add(contents.get(i).asText());
        }
        JsonNode name = item.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw line.error(at + "/name", "must be a string, got " + kind(name));
        }
        return new Turn.Text(name == null || name.isNull() ? "" : name.asText(), values);
    }

    /** A non-negative number of milliseconds, or null when absent. */
    static Long milliseconds(DatasetLine line, JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() < 0) {
            throw line.error(at + "/" + field, "must be a number of milliseconds (0 or more), got " + value);
        }
        return Math.round(value.doubleValue());
    }

    /** A positive integer read from {@code value} at {@code pointer}. */
    static int positiveInt(DatasetLine line, JsonNode value, String pointer) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw line.error(pointer, "must be a whole number of 1 or more, got " + value);
        }
        return value.intValue();
    }

    /** A non-negative integer read from {@code value} at {@code pointer}. */
    static int nonNegativeInt(DatasetLine line, JsonNode value, String pointer) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw line.error(pointer, "must be a whole number of 0 or more, got " + value);
        }
        return value.intValue();
    }

    /** What a JSON value is, for messages: {@code a number (12)}, {@code a list}, ... */
    static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number (" + value + ")";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.toString();
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
