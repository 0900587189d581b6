package dev.aiperf.transport;

import dev.aiperf.api.model.InferenceResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The SSE framing as it was before the one-pass parser (main at b3e1b65), kept unchanged as the oracle
 * of {@code SseStreamParserTests}: the new parser must give exactly its events on any stream and any split.
 *
 * <p>Splits a byte stream into SSE events as chunks arrive and reads each event's fields (spec §4.5)
 * straight from the bytes. An event ends at a blank line, {@code \n\n} or {@code \r\n\r\n}, which may
 * straddle chunks; it is stamped with the arrival time of the chunk that completed it. At end of stream
 * a non-blank remainder is a final event.
 *
 * <p>Within an event, as in the original: each non-blank line is split at its first {@code :} into a
 * trimmed name and value; an empty name is a comment, a line without {@code :} a field with no value;
 * {@code data} values are joined with {@code \n}; {@code id}, {@code retry} and other fields are read
 * and ignored; {@code event: error} ends the request with the event's first comment (or the whole
 * event) as its message. Events without data (comments, keep-alives) produce nothing. A comment
 * {@code t=<nanos>} is the server's send stamp (the mock server's; see {@link InferenceResponse#serverSentNs()}).
 *
 * <p>Cost (the client's hot path, issue 12): each chunk is copied once into a reused buffer, line ends
 * are found eight bytes at a time (Netty's {@link ByteBuf#indexOf}), and each event's data bytes are
 * copied once into a per-response array that the {@link InferenceResponse}s share, decoded only if
 * someone asks for text. No string is made per event. Two rare shapes take the string path of
 * {@link SseEvent}, which defines them: a data value continued on a line that is not a field (raw
 * newlines inside JSON) and a bare {@code \r} inside a line.
 *
 * <p>One parser per connection, used from its event loop only; {@link #reset()} between responses.
 */
final class ReferenceSseParser {

    /** Receives what each complete event means. */
    interface EventSink {
        /** An event with data: its bytes are handed over and never written again. */
        void onResponse(InferenceResponse response);

        /** An {@code event: error} event. */
        void onError(String message, long perfNs);
    }

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final int MIN_DATA_CAPACITY = 512;

    // Incoming bytes not yet framed into events, reused across responses.
    private byte[] buffer = new byte[8192];
    private ByteBuf bufferView = Unpooled.wrappedBuffer(buffer);
    private int length;
    private int scanFrom;

    // Data of the current response's events, handed to its InferenceResponses; a fresh array per
    // response, sized by the previous one so that a steady stream of alike responses never regrows.
    private byte[] data;
    private int dataLength;
    private int lastDataLength;

    void reset() {
        length = 0;
        scanFrom = 0;
        if (data != null) {
            lastDataLength = dataLength;
            data = null;
        }
        dataLength = 0;
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
        event(0, length, perfNs, sink);
        reset();
    }

    private void emitComplete(long perfNs, EventSink sink) {
        int consumed = 0;
        int from = scanFrom;
        int lf;
        while ((lf = bufferView.indexOf(from, length, LF)) >= 0) {
            int end;
            int next;
            if (lf + 1 >= length) {
                from = lf; // the blank line may follow in the next chunk
                break;
            }
            if (buffer[lf + 1] == LF) {
                end = lf;
                next = lf + 2;
            } else if (buffer[lf + 1] == CR && lf > consumed && buffer[lf - 1] == CR) {
                if (lf + 2 >= length) {
                    from = lf;
                    break;
                }
                if (buffer[lf + 2] != LF) {
                    from = lf + 1;
                    continue;
                }
                end = lf - 1;
                next = lf + 3;
            } else {
                from = lf + 1;
                continue;
            }
            event(consumed, end, perfNs, sink);
            consumed = next;
            from = next;
        }
        if (lf < 0) {
            from = length;
        }
        if (consumed > 0) {
            System.arraycopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
            from -= consumed;
        }
        scanFrom = from;
    }

    /** Reads the fields of the event in {@code buffer[from, to)}. */
    private void event(int from, int to, long perfNs, EventSink sink) {
        from = skipSpace(from, to);
        to = trimSpace(from, to);
        if (from == to) {
            return;
        }
        int eventDataStart = dataLength;
        boolean anyData = false;
        boolean error = false;
        int commentFrom = -1;
        int commentTo = -1;
        int previousValueFrom = -1; // the previous field's value, -1 when it had none
        int previousValueTo = -1;
        long stamp = 0L;
        int lineStart = from;
        while (lineStart < to) {
            int lf = bufferView.indexOf(lineStart, to, LF);
            int lineEnd = lf < 0 ? to : lf;
            int ls = skipSpace(lineStart, lineEnd);
            int le = trimSpace(ls, lineEnd);
            lineStart = lf < 0 ? to : lf + 1;
            if (ls == le) {
                continue;
            }
            if (bufferView.indexOf(ls, le, CR) >= 0
                    || previousValueFrom >= 0 && previousValueTo > previousValueFrom && buffer[previousValueFrom] == '{'
                    && buffer[previousValueTo - 1] != '}' && !startsWithData(ls, le)) {
                dataLength = eventDataStart;
                eventAsString(from, to, perfNs, sink);
                return;
            }
            int colon = indexOfColon(ls, le);
            if (colon < 0) {
                previousValueFrom = -1; // a field without a value: nothing to read
                previousValueTo = -1;
                continue;
            }
            int nameTo = trimSpace(ls, colon);
            int valueFrom = skipSpace(colon + 1, le);
            previousValueFrom = valueFrom;
            previousValueTo = le;
            if (nameTo == ls) {
                long sent = stampedAt(valueFrom, le);
                if (sent != 0L) {
                    stamp = stamp == 0L ? sent : stamp;
                } else if (commentFrom < 0) {
                    commentFrom = valueFrom;
                    commentTo = le;
                }
            } else if (isName(ls, nameTo, "data")) {
                if (valueFrom < le) {
                    if (anyData) {
                        appendData(LF);
                    }
                    appendData(valueFrom, le);
                    anyData = true;
                }
            } else if (isNameIgnoreCase(ls, nameTo, "event") && isNameIgnoreCase(valueFrom, le, "error")) {
                error = true;
            }
        }
        if (error) {
            dataLength = eventDataStart;
            sink.onError(commentFrom >= 0 ? text(commentFrom, commentTo) : text(from, to), perfNs);
        } else if (anyData) {
            sink.onResponse(InferenceResponse.ofUtf8(perfNs, InferenceResponse.Kind.SSE, data, eventDataStart,
                    dataLength - eventDataStart, stamp));
        }
    }

    /** The rare shapes: the string reading of {@link SseEvent} decides. */
    private void eventAsString(int from, int to, long perfNs, EventSink sink) {
        SseEvent parsed = SseEvent.parse(text(from, to));
        if (parsed.error()) {
            sink.onError(parsed.errorMessage(), perfNs);
        } else if (!parsed.data().isEmpty()) {
            sink.onResponse(new InferenceResponse(perfNs, InferenceResponse.Kind.SSE, parsed.data(),
                    parsed.serverSentNs()));
        }
    }

    /**
     * The send stamp of a comment {@code t=<nanos>} in {@code buffer[from, to)} (the mock server writes
     * {@code : t=<System.nanoTime()>} before each event), or 0 when the comment is not one.
     */
    private long stampedAt(int from, int to) {
        if (to - from < 3 || to - from > 21 || buffer[from] != 't' || buffer[from + 1] != '=') {
            return 0L;
        }
        long value = 0;
        for (int i = from + 2; i < to; i++) {
            byte b = buffer[i];
            if (b < '0' || b > '9') {
                return 0L;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private int indexOfColon(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWithData(int from, int to) {
        return to - from >= 5 && buffer[from] == 'd' && buffer[from + 1] == 'a' && buffer[from + 2] == 't'
                && buffer[from + 3] == 'a' && buffer[from + 4] == ':';
    }

    private boolean isName(int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (buffer[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean isNameIgnoreCase(int from, int to, String lowerCaseName) {
        if (to - from != lowerCaseName.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseName.length(); i++) {
            byte b = buffer[from + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerCaseName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String text(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.UTF_8);
    }

    private void appendData(byte b) {
        ensureDataCapacity(1);
        data[dataLength++] = b;
    }

    private void appendData(int from, int to) {
        int n = to - from;
        ensureDataCapacity(n);
        System.arraycopy(buffer, from, data, dataLength, n);
        dataLength += n;
    }

    /**
     * Room for {@code n} more data bytes. Growing makes a new array: responses already made keep the
     * old one, whose bytes are never written again.
     */
    private void ensureDataCapacity(int n) {
        if (data == null) {
            data = new byte[Math.max(Math.max(MIN_DATA_CAPACITY, n), lastDataLength + (lastDataLength >> 3))];
        } else if (dataLength + n > data.length) {
            data = Arrays.copyOf(data, Math.max(dataLength + n, data.length * 2));
        }
    }

    private int skipSpace(int from, int to) {
        while (from < to && isSpace(buffer[from])) {
            from++;
        }
        return from;
    }

    private int trimSpace(int from, int to) {
        while (to > from && isSpace(buffer[to - 1])) {
            to--;
        }
        return to;
    }

    /** The ASCII whitespace {@link String#strip()} removes. */
    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
            bufferView = Unpooled.wrappedBuffer(buffer);
        }
    }
}
