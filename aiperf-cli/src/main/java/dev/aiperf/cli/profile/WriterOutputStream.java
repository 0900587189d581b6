package dev.aiperf.cli.profile;

import java.io.OutputStream;
import java.io.Writer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes in UTF-8 to a {@link Writer}: lets the exporters, which print to a {@code PrintStream}, write
 * to picocli's configured output (tests capture it). A character split across two writes is kept
 * until its last byte arrives.
 */
final class WriterOutputStream extends OutputStream {
    private final Writer writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    WriterOutputStream(Writer writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (!pending.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(pending.capacity() * 2);
                pending.flip();
                bigger.put(pending);
                pending = bigger;
            }
            int n = Math.min(length, pending.remaining());
            pending.put(bytes, offset, n);
            offset += n;
            length -= n;
            decode();
        }
    }

    private void decode() throws IOException {
        pending.flip();
        while (true) {
            chars.clear();
            boolean overflow = decoder.decode(pending, chars, false).isOverflow();
            chars.flip();
            writer.write(chars.array(), 0, chars.limit());
            if (!overflow) {
                break;
            }
        }
        pending.compact();
    }

    @Override
    public synchronized void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
