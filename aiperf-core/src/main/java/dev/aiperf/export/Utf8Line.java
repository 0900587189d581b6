package dev.aiperf.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of JSON written as UTF-8 bytes: a growable byte array with the few appends a record line needs. A
 * {@code profile_export.jsonl} line used to be built in a {@code StringBuilder}, copied into a {@code String} and
 * encoded into a third array; here it is written once, as the bytes the file gets (the same bytes
 * {@code String.getBytes(UTF_8)} gives for the text: a lone surrogate becomes {@code ?}).
 *
 * <p>One reused line per thread ({@link #take}); take, write, copy out with {@link #toBytes} or
 * {@link #copyTo}; no nesting within one thread.
 */
public final class Utf8Line {
    /** A line grown past this by an unusually long record is not kept. */
    private static final int MAX_KEPT_BYTES = 256 * 1024;
    private static final ThreadLocal<Utf8Line> LINE = ThreadLocal.withInitial(() -> new Utf8Line(4096));
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] MIN_LONG = ascii(Long.toString(Long.MIN_VALUE));

    private byte[] bytes;
    private int length;

    Utf8Line(int capacity) {
        bytes = new byte[capacity];
    }

    /** This thread's line, emptied. */
    static Utf8Line take() {
        Utf8Line line = LINE.get();
        if (line.bytes.length > MAX_KEPT_BYTES) {
            line = new Utf8Line(4096);
            LINE.set(line);
        }
        return line.clear();
    }

    /** Empties the line. */
    Utf8Line clear() {
        length = 0;
        return this;
    }

    /** The bytes of a text known to be ASCII (JSON punctuation, member names), for {@link #append(byte[])}. */
    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    int length() {
        return length;
    }

    /** The line so far, as its own array. */
    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    /** Puts the line into {@code out}, which must have room. */
    void copyTo(ByteBuffer out) {
        out.put(bytes, 0, length);
    }

    /** The line as text (tests, rare paths). */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    Utf8Line append(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    /** An ASCII character. */
    Utf8Line append(char c) {
        return append((byte) c);
    }

    /** Bytes already encoded (see {@link #ascii}). */
    Utf8Line append(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        return this;
    }

    Utf8Line append(boolean value) {
        return append(value ? TRUE : FALSE);
    }

    /** Decimal digits, as {@code Long.toString}. */
    Utf8Line append(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return append(MIN_LONG);
            }
            append((byte) '-');
            value = -value;
        }
        return digits(value, digitCount(value));
    }

    /** The {@code count} decimal digits of non-negative {@code value} (leading zeros when it has fewer). */
    Utf8Line digits(long value, int count) {
        ensure(count);
        int end = length + count;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + (int) (value % 10));
            value /= 10;
        }
        length = end;
        return this;
    }

    /** How many decimal digits non-negative {@code value} has (1 for 0). */
    static int digitCount(long value) {
        int count = 1;
        for (long bound = 10; count < 19 && value >= bound; bound *= 10) {
            count++;
        }
        return count;
    }

    /** ASCII text from a builder (the rare number layouts made as characters). */
    Utf8Line appendAscii(CharSequence text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length + i] = (byte) text.charAt(i);
        }
        length += n;
        return this;
    }

    /** Any text as its UTF-8 bytes (rare paths: it makes an array). */
    Utf8Line appendUtf8(String text) {
        return append(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code text} as a JSON string, escaped as {@link JsonText#quote} escapes it ({@code "}, {@code \}, control
     * characters), then encoded to UTF-8.
     */
    Utf8Line quoted(String text) {
        int n = text.length();
        ensure(n + 2);
        bytes[length++] = '"';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                if (length == bytes.length) {
                    grow(1);
                }
                bytes[length++] = (byte) c;
            } else if (c < 0x80) {
                escape(c);
            } else {
                i = nonAscii(text, i, c);
            }
        }
        return append((byte) '"');
    }

    /** One character from U+0080 up (two when it is a surrogate pair); returns the index of the last one read. */
    private int nonAscii(String text, int i, char c) {
        ensure(4);
        if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | (c >> 6));
            bytes[length++] = (byte) (0x80 | (c & 0x3F));
        } else if (!Character.isSurrogate(c)) {
            bytes[length++] = (byte) (0xE0 | (c >> 12));
            bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            bytes[length++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, text.charAt(i + 1));
            bytes[length++] = (byte) (0xF0 | (cp >> 18));
            bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            bytes[length++] = (byte) (0x80 | (cp & 0x3F));
            return i + 1;
        } else {
            bytes[length++] = '?'; // a lone surrogate: what String.getBytes(UTF_8) writes for it
        }
        return i;
    }

    private void escape(char c) {
        ensure(6);
        bytes[length++] = '\\';
        switch (c) {
            case '"' -> bytes[length++] = '"';
            case '\\' -> bytes[length++] = '\\';
            case '\n' -> bytes[length++] = 'n';
            case '\r' -> bytes[length++] = 'r';
            case '\t' -> bytes[length++] = 't';
            case '\b' -> bytes[length++] = 'b';
            case '\f' -> bytes[length++] = 'f';
            default -> {
                bytes[length++] = 'u';
                bytes[length++] = '0';
                bytes[length++] = '0';
                bytes[length++] = HEX[c >> 4];
                bytes[length++] = HEX[c & 0xF];
            }
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            grow(more);
        }
    }

    private void grow(int more) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
}
