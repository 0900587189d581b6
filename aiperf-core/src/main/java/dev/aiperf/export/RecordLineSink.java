package dev.aiperf.export;

import java.io.IOException;

/** A file of per-request lines: appended whole, handed to the operating system on flush, finished on close. */
public interface RecordLineSink extends AutoCloseable {
    void append(String line) throws IOException;

    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
