package dev.aiperf.transport;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into SSE events as chunks arrive (spec §4.5). An event ends at a blank line,
 * {@code \n\n} or {@code \r\n\r\n}, which may straddle chunks; it is stamped with the arrival time of
 * the chunk that completed it. At end of stream a non-blank remainder is a final event. Events are
 * decoded as UTF-8 (malformed bytes replaced) and trimmed; blank ones are skipped.
 *
 * <p>One parser per connection, used from its event loop only; {@link #reset()} between responses.
 * It copies each chunk once into a reused buffer and allocates only the event strings.
 */
final class SseStreamParser {

    /** Receives each complete event. */
    interface EventSink {
        void onEvent(String event, long perfNs);
    }

    private static final int LONGEST_DELIMITER = 4;

    private byte[] buffer = new byte[8192];
    private int length;
    private int scanFrom;

    void reset() {
        length = 0;
        scanFrom = 0;
    }

    /** Appends a chunk's readable bytes (not consuming them) and emits every event it completes. */
    void feed(ByteBuf chunk, long perfNs, EventSink sink) {
        int readable = chunk.readableBytes();
        if (readable == 0) {
            return;
        }
        ensureCapacity(length + readable);
        chunk.getBytes(chunk.readerIndex(), buffer, length, readable);
        length += readable;
        emitComplete(perfNs, sink);
    }

    /** Appends raw bytes; used by tests and by callers without a ByteBuf. */
    void feed(byte[] bytes, long perfNs, EventSink sink) {
        ensureCapacity(length + bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        emitComplete(perfNs, sink);
    }

    /** Ends the stream: a non-blank remainder becomes the last event, stamped {@code perfNs}. */
    void finish(long perfNs, EventSink sink) {
        emit(0, length, perfNs, sink);
        reset();
    }

    private void emitComplete(long perfNs, EventSink sink) {
        int consumed = 0;
        // A delimiter may have started in the previous chunk: rescan its possible first bytes.
        int i = Math.max(0, scanFrom - (LONGEST_DELIMITER - 1));
        while (i < length - 1) {
            byte b = buffer[i];
            int delimiter = 0;
            if (b == '\n' && buffer[i + 1] == '\n') {
                delimiter = 2;
            } else if (b == '\r' && i + 3 < length && buffer[i + 1] == '\n' && buffer[i + 2] == '\r'
                    && buffer[i + 3] == '\n') {
                delimiter = 4;
            }
            if (delimiter == 0) {
                i++;
                continue;
            }
            emit(consumed, i, perfNs, sink);
            i += delimiter;
            consumed = i;
        }
        if (consumed > 0) {
            System.arraycopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
        }
        scanFrom = length;
    }

    private void emit(int from, int to, long perfNs, EventSink sink) {
        while (from < to && isSpace(buffer[from])) {
            from++;
        }
        while (to > from && isSpace(buffer[to - 1])) {
            to--;
        }
        if (to > from) {
            sink.onEvent(new String(buffer, from, to - from, StandardCharsets.UTF_8), perfNs);
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0x0B;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
