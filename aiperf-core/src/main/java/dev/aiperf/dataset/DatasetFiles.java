package dev.aiperf.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.dataset.InvalidDatasetException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** What the JSON Lines loaders check the same way: that the file is there, has lines, and is of their type. */
final class DatasetFiles {

    private DatasetFiles() {
    }

    /**
     * The non-blank lines of a JSON Lines dataset file.
     *
     * @param type    the format, for messages
     * @param example one valid line, for the message about an empty file
     */
    static List<DatasetLine> lines(Path file, String type, String example) throws IOException {
        requireFile(file, type);
        List<DatasetLine> lines = JsonLinesFile.read(file);
        if (lines.isEmpty()) {
            throw new InvalidDatasetException("Input file " + file + " is empty: the " + type
                    + " format needs one JSON object per line, e.g. " + example);
        }
        return lines;
    }

    static void requireFile(Path file, String type) {
        if (!Files.exists(file)) {
            throw new InvalidDatasetException("Input file " + file + " does not exist (--input-file)");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidDatasetException("Input file " + file + " is not a regular file; the " + type
                    + " format reads one file (--input-file)");
        }
    }

    /** Whether the first non-blank line of a regular file is accepted by {@code parser} (type auto-detection). */
    static boolean firstLineParses(Path file, Consumer<DatasetLine> parser) throws IOException {
        return firstLineProblem(file, parser) == null;
    }

    /** Why {@code parser} rejects the first non-blank line of a regular file, or null when it accepts it. */
    static String firstLineProblem(Path file, Consumer<DatasetLine> parser) throws IOException {
        if (!Files.isRegularFile(file)) {
            return file + " is not a regular file";
        }
        try {
            DatasetLine first = JsonLinesFile.first(file);
            if (first == null) {
                return file + " has no non-blank line";
            }
            parser.accept(first);
            return null;
        } catch (InvalidDatasetException e) {
            return e.getMessage();
        }
    }

    /** A line's optional {@code "type"} must name the loader reading it. */
    static void checkType(DatasetLine line, JsonNode json, String type) {
        JsonNode given = json.get("type");
        if (given != null && !type.equals(given.asText())) {
            throw line.error("/type", "is '" + given.asText() + "' but this file is read as " + type
                    + " (set --custom-dataset-type to match the file)");
        }
    }
}
