package dev.aiperf.export;

import java.io.IOException;

/** A file of per-request lines: appended whole, handed to the operating system on flush, finished on close. */
public interface RecordLineSink extends AutoCloseable {
    /** Appends one line: its UTF-8 bytes, without the newline. */
    void append(byte[] line) throws IOException;

    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
