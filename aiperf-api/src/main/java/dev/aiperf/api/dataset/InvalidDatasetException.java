package dev.aiperf.api.dataset;

import java.nio.file.Path;

/**
 * A dataset file the user gave cannot be used. The message is complete and meant for the user as
 * is: where ({@code file:line:column} when known), what is wrong and what would be valid.
 */
public class InvalidDatasetException extends IllegalArgumentException {

    public InvalidDatasetException(String message) {
        super(message);
    }

    public InvalidDatasetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem at a line (1-based) of {@code file}. */
    public static InvalidDatasetException at(Path file, long line, String problem) {
        return new InvalidDatasetException(file + ":" + line + ": " + problem);
    }

    /** A problem at a line and column (both 1-based) of {@code file}. */
    public static InvalidDatasetException at(Path file, long line, long column, String problem, Throwable cause) {
        return new InvalidDatasetException(file + ":" + line + ":" + column + ": " + problem, cause);
    }
}
