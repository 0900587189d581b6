package dev.aiperf.transport;

import dev.aiperf.api.model.InferenceResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

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
 * <p>Cost (the client's hot path, issue 12): one pass over the bytes of Netty's buffer, where they are:
 * line ends are found eight bytes at a time, each line is read as soon as its end is found, and each
 * {@code data} value is copied once, into the exchange's {@link ResponseStore}. Nothing is allocated
 * per event. Only an event that straddles reads is copied aside (its raw bytes, so that the two rare
 * shapes below and an error's message can still see the whole event). Those rare shapes take the
 * string path of {@link SseEvent}, which defines them: a data value continued on a line that is not a
 * field (raw newlines inside JSON) and a bare {@code \r} inside a line.
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

    private ResponseStore store;

    // The event in progress when it began in an earlier chunk: its raw bytes, and where its unfinished
    // line starts. Empty when the last chunk ended on an event's end. Reused across responses.
    private byte[] carry = new byte[1024];
    private ByteBuf carryView = Unpooled.wrappedBuffer(carry);
    private int carryLength;
    private int carryLineStart;

    /** Where the event in progress starts in the bytes being framed (0 in the carry). */
    private int eventStart;
    /** Set by {@link #frame} when it stopped at an event's end. */
    private boolean eventEnded;
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
        carryLength = 0;
        carryLineStart = 0;
        stopped = false;
        newEvent();
    }

    /** Frames a chunk's readable bytes (not consuming them) and emits every event it completes. */
    void feed(ByteBuf chunk, long perfNs, EventSink sink) {
        int from = chunk.readerIndex();
        int to = chunk.writerIndex();
        if (stopped || from == to) {
            return;
        }
        if (carryLength > 0) {
            from = feedCarried(chunk, from, to, perfNs, sink);
            if (from < 0) {
                return;
            }
        }
        eventStart = from;
        frame(chunk, from, to, false, perfNs, sink);
        if (!stopped && eventStart < to) {
            // The event in progress continues in the next chunk: keep its bytes.
            int unfinishedLine = carryLineStart;
            carryLength = 0;
            appendCarry(chunk, eventStart, to - eventStart);
            carryLineStart = unfinishedLine;
        }
    }

    /** The same from an array; used by tests and callers without a ByteBuf. */
    void feed(byte[] bytes, long perfNs, EventSink sink) {
        feed(Unpooled.wrappedBuffer(bytes), perfNs, sink);
    }

    /** Ends the stream: a non-blank remainder becomes the last event, stamped {@code perfNs}. */
    void finish(long perfNs, EventSink sink) {
        if (!stopped && carryLength > 0) {
            eventStart = 0;
            eventEnded = false;
            if (carryLineStart < carryLength) {
                line(carryView, carryLineStart, carryLength, true, perfNs, sink);
            }
            if (!eventEnded) {
                endEvent(carryView, carryLength, perfNs, sink);
            }
        }
        ResponseStore target = store;
        reset();
        store = target;
    }

    /**
     * Continues the event carried from earlier chunks, one line at a time, until it ends.
     *
     * @return where in {@code chunk} framing goes on after that event, or -1 when the chunk is used up
     */
    private int feedCarried(ByteBuf chunk, int from, int to, long perfNs, EventSink sink) {
        while (from < to) {
            int lf = chunk.indexOf(from, to, LF);
            int end = lf < 0 ? to : lf + 1;
            appendCarry(chunk, from, end - from);
            from = end;
            if (lf < 0) {
                return -1;
            }
            eventStart = 0;
            carryLineStart = frame(carryView, carryLineStart, carryLength, true, perfNs, sink);
            if (stopped) {
                return -1;
            }
            if (eventEnded) {
                carryLength = 0;
                carryLineStart = 0;
                return from;
            }
        }
        return -1;
    }

    /**
     * Reads the complete lines of {@code src[lineStart, to)}; leaves {@link #carryLineStart} (as an offset from
     * {@link #eventStart}) and returns where the unfinished line starts, or where the first event ended when
     * {@code stopAtEventEnd}.
     */
    private int frame(ByteBuf src, int lineStart, int to, boolean stopAtEventEnd, long perfNs, EventSink sink) {
        eventEnded = false;
        int scan = lineStart;
        boolean innerCr = false;
        while (scan < to) {
            int lineBreak = indexOfLineBreak(src, scan, to);
            if (lineBreak < 0) {
                break;
            }
            int lf;
            if (src.getByte(lineBreak) == LF) {
                lf = lineBreak;
            } else if (lineBreak + 1 == to) {
                break; // a CR whose LF may come with the next chunk: read the line again then
            } else if (src.getByte(lineBreak + 1) == LF) {
                lf = lineBreak + 1;
            } else {
                innerCr = true; // a bare CR inside the line
                scan = lineBreak + 1;
                continue;
            }
            boolean ended = line(src, lineStart, lf, innerCr, perfNs, sink);
            lineStart = lf + 1;
            scan = lineStart;
            innerCr = false;
            if (ended) {
                eventStart = lineStart;
                if (stopped || stopAtEventEnd) {
                    eventEnded = true;
                    break;
                }
            }
        }
        carryLineStart = lineStart - eventStart;
        return lineStart;
    }

    /**
     * Reads the line {@code src[from, to)} (without its LF) of the event that started at {@link #eventStart}.
     *
     * @return whether it is the blank line that ends the event
     */
    private boolean line(ByteBuf src, int from, int to, boolean innerCr, long perfNs, EventSink sink) {
        int length = to - from;
        if (length == 0 || length == 1 && previousEndsWithCr && src.getByte(from) == CR) {
            endEvent(src, from, perfNs, sink);
            eventEnded = true;
            return true;
        }
        previousEndsWithCr = src.getByte(to - 1) == CR;
        if (!asString) {
            field(src, from, to, innerCr);
        }
        return false;
    }

    /** Reads one line's field into the event in progress. */
    private void field(ByteBuf src, int lineFrom, int lineTo, boolean innerCr) {
        int from = skipSpace(src, lineFrom, lineTo);
        int to = trimSpace(src, from, lineTo);
        if (from == to) {
            return;
        }
        boolean dataLine = startsWithData(src, from, to);
        if (innerCr && src.indexOf(from, to, CR) >= 0 || openObject && !dataLine) {
            asString = true;
            store.discardWriting();
            return;
        }
        int colon = dataLine ? from + 4 : src.indexOf(from, to, (byte) ':');
        if (colon < 0) {
            openObject = false; // a field without a value: nothing to read
            return;
        }
        int nameTo = dataLine ? colon : trimSpace(src, from, colon);
        int valueFrom = skipSpace(src, colon + 1, to);
        openObject = valueFrom < to && src.getByte(valueFrom) == '{' && src.getByte(to - 1) != '}';
        if (dataLine) {
            if (valueFrom < to) {
                if (anyData) {
                    store.append(LF);
                }
                store.append(src, valueFrom, to - valueFrom);
                anyData = true;
            }
        } else if (nameTo == from) {
            long sent = stampedAt(src, valueFrom, to);
            if (sent != 0L) {
                stamp = stamp == 0L ? sent : stamp;
            } else if (commentFrom < 0) {
                commentFrom = valueFrom - eventStart;
                commentTo = to - eventStart;
            }
        } else if (isName(src, from, nameTo, "data")) {
            // "data :" (a space before the colon) is a data field too
            if (valueFrom < to) {
                if (anyData) {
                    store.append(LF);
                }
                store.append(src, valueFrom, to - valueFrom);
                anyData = true;
            }
        } else if (isNameIgnoreCase(src, from, nameTo, "event") && isNameIgnoreCase(src, valueFrom, to, "error")) {
            error = true;
        }
    }

    /** The event that started at {@link #eventStart} ends before {@code end}: store it, or report its error. */
    private void endEvent(ByteBuf src, int end, long perfNs, EventSink sink) {
        if (asString) {
            int from = skipSpace(src, eventStart, end);
            SseEvent parsed = SseEvent.parse(text(src, from, trimSpace(src, from, end)));
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
                message = text(src, eventStart + commentFrom, eventStart + commentTo);
            } else {
                int from = skipSpace(src, eventStart, end);
                message = text(src, from, trimSpace(src, from, end));
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
     * The index of the first LF or CR in {@code src[from, to)}, or -1: eight bytes at a time (a zero byte of
     * {@code word ^ LFS} is an LF; the lowest flagged byte of the classic has-zero test is exact).
     */
    private static int indexOfLineBreak(ByteBuf src, int from, int to) {
        int i = from;
        for (int last = to - Long.BYTES; i <= last; i += Long.BYTES) {
            long word = src.getLongLE(i);
            long lf = word ^ LFS;
            long cr = word ^ CRS;
            long found = ((lf - ONES) & ~lf | (cr - ONES) & ~cr) & HIGHS;
            if (found != 0L) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte b = src.getByte(i);
            if (b == LF || b == CR) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The send stamp of a comment {@code t=<nanos>} in {@code src[from, to)} (the mock server writes
     * {@code : t=<System.nanoTime()>} before each event), or 0 when the comment is not one.
     */
    private static long stampedAt(ByteBuf src, int from, int to) {
        if (to - from < 3 || to - from > 21 || src.getByte(from) != 't' || src.getByte(from + 1) != '=') {
            return 0L;
        }
        long value = 0;
        for (int i = from + 2; i < to; i++) {
            byte b = src.getByte(i);
            if (b < '0' || b > '9') {
                return 0L;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private static boolean startsWithData(ByteBuf src, int from, int to) {
        return to - from >= 5 && src.getByte(from) == 'd' && src.getByte(from + 1) == 'a'
                && src.getByte(from + 2) == 't' && src.getByte(from + 3) == 'a' && src.getByte(from + 4) == ':';
    }

    private static boolean isName(ByteBuf src, int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (src.getByte(from + i) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameIgnoreCase(ByteBuf src, int from, int to, String lowerCaseName) {
        if (to - from != lowerCaseName.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseName.length(); i++) {
            byte b = src.getByte(from + i);
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerCaseName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String text(ByteBuf src, int from, int to) {
        return src.toString(from, to - from, StandardCharsets.UTF_8);
    }

    private static int skipSpace(ByteBuf src, int from, int to) {
        while (from < to && isSpace(src.getByte(from))) {
            from++;
        }
        return from;
    }

    private static int trimSpace(ByteBuf src, int from, int to) {
        while (to > from && isSpace(src.getByte(to - 1))) {
            to--;
        }
        return to;
    }

    /** The ASCII whitespace {@link String#strip()} removes. */
    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
    }

    private void appendCarry(ByteBuf chunk, int from, int n) {
        if (carryLength + n > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carryLength + n, carry.length * 2));
            carryView = Unpooled.wrappedBuffer(carry);
        }
        chunk.getBytes(from, carry, carryLength, n);
        carryLength += n;
    }
}
