package dev.aiperf.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A text file that only ever holds whole lines: lines are collected in memory and handed to the
 * operating system by {@link #flush}, each write ending on a line boundary. A {@code kill -9} between
 * two flushes therefore leaves the lines flushed before it and nothing cut. A write that fails part
 * way (a full disk, a file-size limit) is undone: the file is truncated back to its last whole line,
 * and the file refuses further lines with an error naming it and the cause.
 *
 * <p>Why not a {@code BufferedWriter}: it writes whenever its buffer fills, which is mid-line.
 *
 * <p>The one cut this cannot rule out: Linux copies a write into the page cache page by page and
 * stops a write at a 4 KiB page boundary when SIGKILL arrives during that copy. A batch is written in
 * microseconds, so this needs a {@code kill -9} landing inside one such write (it was not seen in the
 * tests that kill a writer at the pipeline's rhythm; a process doing nothing but writing can hit it).
 *
 * <p>Not thread-safe: one thread appends and flushes (the records pipeline commits from one thread at
 * a time).
 */
public final class WholeLineFile implements AutoCloseable {
    /** Above this many pending bytes {@link #append} flushes by itself, so memory stays bounded. */
    static final int MAX_PENDING_BYTES = 256 * 1024;

    private final Path file;
    private final FileChannel channel;
    private ByteBuffer pending = ByteBuffer.allocate(64 * 1024);
    /** Bytes of whole lines the file holds: where a failed write is cut back to. */
    private long wholeLinesEnd;
    private IOException failure;
    private boolean closed;

    /** Creates or truncates the file. */
    public WholeLineFile(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    Path file() {
        return file;
    }

    /** Adds one line (a newline is appended); it reaches the file at the next {@link #flush}. */
    public void append(String line) throws IOException {
        append(line.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds one line given as its UTF-8 bytes (a newline is appended); it reaches the file at the next {@link #flush}. */
    public void append(byte[] bytes) throws IOException {
        ensureWritable();
        if (pending.remaining() < bytes.length + 1) {
            if (pending.position() + bytes.length + 1 > MAX_PENDING_BYTES && pending.position() > 0) {
                flush();
            }
            if (pending.remaining() < bytes.length + 1) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + bytes.length + 1));
                pending.flip();
                larger.put(pending);
                pending = larger;
            }
        }
        pending.put(bytes).put((byte) '\n');
    }

    /** Writes every pending line; on failure the file is cut back to its last whole line. */
    public void flush() throws IOException {
        ensureWritable();
        if (pending.position() == 0) {
            return;
        }
        pending.flip();
        try {
            while (pending.hasRemaining()) {
                channel.write(pending);
            }
            wholeLinesEnd = channel.position();
            pending.clear();
        } catch (IOException e) {
            failure = new IOException("cannot write " + file + ": " + FileErrors.cause(e) + cutBack(), e);
            throw failure;
        }
    }

    /** Flushes, forces the file to the device and closes it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (failure == null) {
                flush();
                channel.force(false);
            }
        } finally {
            closed = true;
            channel.close();
        }
    }

    private void ensureWritable() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IOException(file + " is already closed");
        }
    }

    /** Truncates a partly written batch away; says what became of the file. */
    private String cutBack() {
        try {
            channel.truncate(wholeLinesEnd);
            channel.position(wholeLinesEnd);
            return "; the file keeps its " + wholeLinesEnd + " bytes of whole lines and no further line is written";
        } catch (IOException e) {
            return "; cutting it back to its last whole line also failed (" + FileErrors.cause(e)
                    + "), so its last line may be incomplete";
        }
    }
}
