package dev.aiperf.transport;

import dev.aiperf.api.model.InferenceResponse;
import io.netty.buffer.ByteBuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into SSE events as chunks arrive and reads each event's fields (spec §4.5)
 * straight from the bytes, line by line. An event ends at a blank line, {@code \n\n} or
 * {@code \r\n\r\n}, which may straddle chunks; it is stamped with the arrival time of the chunk that
 * completed it. At end of stream a non-blank remainder is a final event.
 *
 * <p>Within an event, as in the original: each non-blank line is split at its first {@code :} into a
 * trimmed name and value; an empty name is a comment, a line without {@code :} a field with no value;
 * {@code data} values are joined with {@code \n}; {@code id}, {@code retry} and other fields are read
 * and ignored; {@code event: error} ends the request with the event's first comment (or the whole
 * event) as its message, and nothing after it is read. Events without data (comments, keep-alives)
 * produce nothing. A comment {@code t=<nanos>} is the server's send stamp (the mock server's; see
 * {@link InferenceResponse#serverSentNs()}).
 *
 * <p>Cost (the client's hot path, issue 12): one pass. Each chunk is copied once into a reused array
 * (a bulk copy: reading Netty's buffers in place through {@code ByteBuf.getByte}/{@code getLongLE} measured
 * about twice as slow, three times on the slices the HTTP decoder hands over; see bench/README.md), line ends
 * are found eight bytes at a time, each line is read as soon as its end is found, and each {@code data}
 * value is copied once, into the exchange's {@link ResponseStore}. Nothing is allocated per event. Only
 * the unfinished event is kept from one chunk to the next (its raw bytes, so that the two rare shapes below
 * and an error's message can still see the whole event). Those rare shapes take the string path of
 * {@link SseEvent}, which defines them: a data value continued on a line that is not a field (raw
 * newlines inside JSON) and a bare {@code \r} inside a line.
 *
 * <p>One parser per connection, used from its event loop only; {@link #begin} for each response.
 */
final class SseStreamParser {

    /** Hears what each complete event means; its data is in the store already. */
    interface EventSink {
        /** An event with data was stored as the store's last response. */
        void onEvent();

        /** An {@code event: error} event: nothing after it is read. */
        void onError(String message, long perfNs);
    }

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = ONES * LF;
    private static final long CRS = ONES * CR;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ResponseStore store;

    // Bytes of the event in progress and of the chunk being framed, reused across responses.
    private byte[] buffer = new byte[8192];
    private int length;
    /** Where the event in progress starts in {@link #buffer}. */
    private int eventStart;
    /** Where the unfinished line starts, and where the search for its end goes on. */
    private int lineStart;
    private int scanFrom;
    /** The unfinished line has a bare CR in its part already searched. */
    private boolean innerCr;
    /** An error event was read: the rest of the response is not. */
    private boolean stopped;

    // What the lines of the event in progress said so far.
    private boolean anyData;
    private boolean error;
    private long stamp;
    private int commentFrom = -1; // the first comment, relative to eventStart
    private int commentTo;
    private boolean previousEndsWithCr;
    /** The previous field's value opens a JSON object it does not close: a non-field line may continue it. */
    private boolean openObject;
    /** The event has a rare shape: it is read as a string by {@link SseEvent} once it ends. */
    private boolean asString;

    /** Starts a response whose events go to {@code target}. */
    void begin(ResponseStore target) {
        reset();
        store = target;
    }

    /** Forgets the response in progress. */
    void reset() {
        store = null;
        length = 0;
        eventStart = 0;
        lineStart = 0;
        scanFrom = 0;
        innerCr = false;
        stopped = false;
        newEvent();
    }

    /** Frames a chunk's readable bytes (not consuming them) and emits every event it completes. */
    void feed(ByteBuf chunk, long perfNs, EventSink sink) {
        int readable = chunk.readableBytes();
        if (stopped || readable == 0) {
            return;
        }
        ensureCapacity(length + readable);
        chunk.getBytes(chunk.readerIndex(), buffer, length, readable);
        length += readable;
        frame(perfNs, sink);
    }

    /** The same from an array; used by tests and callers without a ByteBuf. */
    void feed(byte[] bytes, long perfNs, EventSink sink) {
        if (stopped || bytes.length == 0) {
            return;
        }
        ensureCapacity(length + bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        frame(perfNs, sink);
    }

    /** Ends the stream: a non-blank remainder becomes the last event, stamped {@code perfNs}. */
    void finish(long perfNs, EventSink sink) {
        if (!stopped && length > eventStart) {
            boolean ended = lineStart < length && line(lineStart, length, true, perfNs, sink);
            if (!ended) {
                endEvent(length, perfNs, sink);
            }
        }
        ResponseStore target = store;
        reset();
        store = target;
    }

    /** Reads every line the buffer completes, then keeps only the event in progress. */
    private void frame(long perfNs, EventSink sink) {
        int scan = scanFrom;
        while (scan < length) {
            int lineBreak = indexOfLineBreak(buffer, scan, length);
            if (lineBreak < 0) {
                scan = length;
                break;
            }
            int lf;
            if (buffer[lineBreak] == LF) {
                lf = lineBreak;
            } else if (lineBreak + 1 == length) {
                scan = lineBreak; // a CR whose LF may come with the next chunk: look at it again then
                break;
            } else if (buffer[lineBreak + 1] == LF) {
                lf = lineBreak + 1;
            } else {
                innerCr = true; // a bare CR inside the line
                scan = lineBreak + 1;
                continue;
            }
            boolean ended = line(lineStart, lf, innerCr, perfNs, sink);
            lineStart = lf + 1;
            scan = lineStart;
            innerCr = false;
            if (ended) {
                eventStart = lineStart;
                if (stopped) {
                    return;
                }
            }
        }
        scanFrom = scan;
        if (eventStart > 0) {
            int kept = length - eventStart;
            System.arraycopy(buffer, eventStart, buffer, 0, kept);
            length = kept;
            lineStart -= eventStart;
            scanFrom -= eventStart;
            eventStart = 0;
        }
    }

    /**
     * Reads the line {@code buffer[from, to)} (without its LF) of the event in progress.
     *
     * @return whether it is the blank line that ends the event
     */
    private boolean line(int from, int to, boolean bareCr, long perfNs, EventSink sink) {
        int n = to - from;
        if (n == 0 || n == 1 && previousEndsWithCr && buffer[from] == CR) {
            endEvent(from, perfNs, sink);
            return true;
        }
        previousEndsWithCr = buffer[to - 1] == CR;
        if (!asString) {
            field(from, to, bareCr);
        }
        return false;
    }

    /** Reads one line's field into the event in progress. */
    private void field(int lineFrom, int lineTo, boolean bareCr) {
        int from = skipSpace(lineFrom, lineTo);
        int to = trimSpace(from, lineTo);
        if (from == to) {
            return;
        }
        boolean dataLine = startsWithData(from, to);
        if (bareCr && indexOf(from, to, CR) >= 0 || openObject && !dataLine) {
            asString = true;
            store.discardWriting();
            return;
        }
        int colon = dataLine ? from + 4 : indexOf(from, to, (byte) ':');
        if (colon < 0) {
            openObject = false; // a field without a value: nothing to read
            return;
        }
        int nameTo = dataLine ? colon : trimSpace(from, colon);
        int valueFrom = skipSpace(colon + 1, to);
        openObject = valueFrom < to && buffer[valueFrom] == '{' && buffer[to - 1] != '}';
        if (dataLine || isName(from, nameTo, "data")) { // "data :" too
            if (valueFrom < to) {
                if (anyData) {
                    store.append(LF);
                }
                store.append(buffer, valueFrom, to - valueFrom);
                anyData = true;
            }
        } else if (nameTo == from) {
            long sent = stampedAt(valueFrom, to);
            if (sent != 0L) {
                stamp = stamp == 0L ? sent : stamp;
            } else if (commentFrom < 0) {
                commentFrom = valueFrom - eventStart;
                commentTo = to - eventStart;
            }
        } else if (isNameIgnoreCase(from, nameTo, "event") && isNameIgnoreCase(valueFrom, to, "error")) {
            error = true;
        }
    }

    /** The event in progress ends before {@code end}: store it, or report its error. */
    private void endEvent(int end, long perfNs, EventSink sink) {
        if (asString) {
            int from = skipSpace(eventStart, end);
            SseEvent parsed = SseEvent.parse(text(from, trimSpace(from, end)));
            if (parsed.error()) {
                stop(parsed.errorMessage(), perfNs, sink);
            } else if (!parsed.data().isEmpty()) {
                byte[] data = parsed.data().getBytes(StandardCharsets.UTF_8);
                store.append(data, 0, data.length);
                store.complete(perfNs, parsed.serverSentNs());
                sink.onEvent();
            }
        } else if (error) {
            store.discardWriting();
            String message;
            if (commentFrom >= 0) {
                message = text(eventStart + commentFrom, eventStart + commentTo);
            } else {
                int from = skipSpace(eventStart, end);
                message = text(from, trimSpace(from, end));
            }
            stop(message, perfNs, sink);
        } else if (anyData) {
            store.complete(perfNs, stamp);
            sink.onEvent();
        }
        newEvent();
    }

    private void stop(String message, long perfNs, EventSink sink) {
        stopped = true;
        sink.onError(message, perfNs);
    }

    private void newEvent() {
        anyData = false;
        error = false;
        stamp = 0L;
        commentFrom = -1;
        commentTo = 0;
        previousEndsWithCr = false;
        openObject = false;
        asString = false;
    }

    /**
     * The index of the first LF or CR in {@code bytes[from, to)}, or -1: eight bytes at a time (a zero byte of
     * {@code word ^ LFS} is an LF; the lowest flagged byte of the classic has-zero test is exact).
     */
    private static int indexOfLineBreak(byte[] bytes, int from, int to) {
        int i = from;
        for (int last = to - Long.BYTES; i <= last; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long lf = word ^ LFS;
            long cr = word ^ CRS;
            long found = ((lf - ONES) & ~lf | (cr - ONES) & ~cr) & HIGHS;
            if (found != 0L) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b == LF || b == CR) {
                return i;
            }
        }
        return -1;
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

    private int indexOf(int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == value) {
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
        }
    }
}
