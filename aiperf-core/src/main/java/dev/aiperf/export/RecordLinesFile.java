package dev.aiperf.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file side of a per-request records writer ({@code profile_export.jsonl}, {@code profile_export_raw.jsonl}):
 * a {@link WholeLineFile} created with its directory, lines counted, and, as the original leaves none, the
 * file deleted at {@link #close} when no line was written. The writers only format lines.
 *
 * <p>Thread-safe: every method is synchronised (the records pipeline appends and flushes from one thread at a
 * time, so the lock is never contended).
 */
final class RecordLinesFile implements AutoCloseable {
    private final Path file;
    /** What the file is, for the error a late line gets ("records file", "raw records file"). */
    private final String description;
    private final WholeLineFile out;
    private long lines;
    private boolean closed;

    /** Creates (or truncates) the file, creating its directory. */
    RecordLinesFile(Path file, String description) throws IOException {
        this.file = file;
        this.description = description;
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        this.out = new WholeLineFile(file);
    }

    Path file() {
        return file;
    }

    /** Adds one line (without its newline); it reaches the file at the next {@link #flush} or {@link #close}. */
    synchronized void append(byte[] line) throws IOException {
        if (closed) {
            throw new IOException(description + " " + file + " is already closed");
        }
        out.append(line);
        lines++;
    }

    /** Hands every appended line to the operating system. */
    synchronized void flush() throws IOException {
        if (!closed) {
            out.flush();
        }
    }

    synchronized long linesWritten() {
        return lines;
    }

    /** Flushes and closes; a file without a line is deleted. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.close();
        if (lines == 0) {
            Files.deleteIfExists(file);
        }
    }
}
