package dev.aiperf.dataset.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.model.Turn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the media fields of one dataset entry (spec §3.4): for each of image, audio and video either
 * the singular field (one string) or the plural field (a list of strings, or of
 * {@code {"name": ..., "contents": [...]}} objects), never both. Local files are read and encoded by
 * {@link MediaReference}. Problems come back as {@link IllegalArgumentException}s naming the field;
 * the loader adds the file and line.
 *
 * @param images image batches, empty for none
 * @param audios audio batches, empty for none
 * @param videos video batches, empty for none
 */
public record TurnMediaFields(List<Turn.Media> images, List<Turn.Media> audios, List<Turn.Media> videos) {

    /** No media. */
    public static final TurnMediaFields NONE = new TurnMediaFields(List.of(), List.of(), List.of());

    /**
     * The media of {@code entry}.
     *
     * @param datasetDir the dataset file's folder, where relative paths are looked up second; null for none
     */
    public static TurnMediaFields read(JsonNode entry, Path datasetDir) {
        return new TurnMediaFields(batches(entry, MediaKind.IMAGE, datasetDir),
                batches(entry, MediaKind.AUDIO, datasetDir), batches(entry, MediaKind.VIDEO, datasetDir));
    }

    /** True when the entry has at least one media field. */
    public boolean any() {
        return !images.isEmpty() || !audios.isEmpty() || !videos.isEmpty();
    }

    /** {@code turn} carrying these media. */
    public Turn applyTo(Turn turn) {
        return any() ? turn.withMedia(images, audios, videos) : turn;
    }

    private static List<Turn.Media> batches(JsonNode entry, MediaKind kind, Path datasetDir) {
        JsonNode single = entry.get(kind.field());
        JsonNode plural = entry.get(kind.pluralField());
        boolean hasSingle = single != null && !single.isNull();
        boolean hasPlural = plural != null && !plural.isNull();
        if (hasSingle && hasPlural) {
            throw new IllegalArgumentException("give either '" + kind.field() + "' or '" + kind.pluralField()
                    + "', not both");
        }
        if (hasSingle) {
            if (!single.isTextual()) {
                throw new IllegalArgumentException("'" + kind.field() + "' must be a string (a file path, a URL or"
                        + " a data URI); use '" + kind.pluralField() + "' for a list");
            }
            return List.of(new Turn.Media("", List.of(resolve(kind, kind.field(), single.asText(), datasetDir))));
        }
        if (!hasPlural) {
            return List.of();
        }
        String field = kind.pluralField();
        if (!plural.isArray() || plural.isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty list of strings or of"
                    + " {\"name\": ..., \"contents\": [...]} objects");
        }
        if (plural.get(0).isTextual()) {
            return List.of(new Turn.Media("", strings(kind, field, plural, datasetDir,
                    "'" + field + "' mixes strings and other values; use only strings or only {\"name\", \"contents\"}"
                            + " objects")));
        }
        List<Turn.Media> named = new ArrayList<>();
        for (JsonNode item : plural) {
            JsonNode contents = item.get("contents");
            if (!item.isObject() || contents == null || !contents.isArray()) {
                throw new IllegalArgumentException("each item of '" + field + "' must be a string or an object"
                        + " {\"name\": \"...\", \"contents\": [\"...\"]}");
            }
            String name = item.hasNonNull("name") ? item.get("name").asText() : "";
            named.add(new Turn.Media(name, strings(kind, field, contents, datasetDir,
                    "'contents' of an item of '" + field + "' must hold only strings")));
        }
        return named;
    }

    private static List<String> strings(MediaKind kind, String field, JsonNode array, Path datasetDir,
                                        String notAString) {
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw new IllegalArgumentException(notAString);
            }
            values.add(resolve(kind, field, value.asText(), datasetDir));
        }
        return values;
    }

    private static String resolve(MediaKind kind, String field, String value, Path datasetDir) {
        try {
            return MediaReference.resolve(kind, value, datasetDir);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + field + "': " + e.getMessage(), e);
        }
    }
}
