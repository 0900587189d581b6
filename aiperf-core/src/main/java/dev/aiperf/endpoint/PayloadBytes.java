package dev.aiperf.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * A request payload as the bytes a default {@link ObjectMapper} writes for it, written straight from the tree into a
 * per-thread buffer. Hand-written because {@code writeValueAsBytes} sets up a serializer provider, a generator and
 * recycled buffers for every request (a third of the request-issuing thread's time went there), and because these
 * bytes must not change: objects, arrays, strings, ints, longs, finite doubles, booleans and null are written exactly
 * as Jackson does (strings in UTF-8, {@code \b \t \n \f \r} and {@code \"} {@code \\} escaped by name, other control
 * characters and every surrogate as an upper-case {@code \\uXXXX}; doubles as {@link Double#toString}). A tree with
 * any other node (a float, a big number, a binary or POJO node, a non-finite double) is written by the mapper.
 * {@code PayloadBytesTests} compares the two on random trees.
 */
final class PayloadBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For each ASCII character: 0 when written as is, else the letter of its short escape, or 'u' for \\u00XX. */
    private static final byte[] ESCAPES = new byte[128];
    private static final int MAX_KEPT = 1 << 20;
    private static final ThreadLocal<PayloadBytes> PER_THREAD = ThreadLocal.withInitial(PayloadBytes::new);

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private byte[] out = new byte[4096];
    private int length;

    private PayloadBytes() {
    }

    /** The payload's bytes, as {@code mapper.writeValueAsBytes(payload)} gives them. */
    static byte[] of(JsonNode payload, ObjectMapper mapper) {
        PayloadBytes writer = PER_THREAD.get();
        writer.length = 0;
        if (writer.value(payload)) {
            byte[] bytes = Arrays.copyOf(writer.out, writer.length);
            if (writer.out.length > MAX_KEPT) {
                writer.out = new byte[4096]; // one huge payload (inline images) does not pin its buffer
            }
            return bytes;
        }
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not serialise the request payload", e);
        }
    }

    /** Writes a node; false when it holds one this class does not write (the caller then asks the mapper). */
    private boolean value(JsonNode node) {
        switch (node) {
            case ObjectNode object -> {
                put((byte) '{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    if (!first) {
                        put((byte) ',');
                    }
                    first = false;
                    string(field.getKey());
                    put((byte) ':');
                    if (!value(field.getValue())) {
                        return false;
                    }
                }
                put((byte) '}');
            }
            case ArrayNode array -> {
                put((byte) '[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        put((byte) ',');
                    }
                    if (!value(array.get(i))) {
                        return false;
                    }
                }
                put((byte) ']');
            }
            case TextNode text -> string(text.textValue());
            case IntNode number -> ascii(Integer.toString(number.intValue()));
            case LongNode number -> ascii(Long.toString(number.longValue()));
            case DoubleNode number -> {
                if (!Double.isFinite(number.doubleValue())) {
                    return false; // Jackson quotes NaN and infinities
                }
                ascii(Double.toString(number.doubleValue()));
            }
            case BooleanNode bool -> ascii(bool.booleanValue() ? "true" : "false");
            case NullNode ignored -> ascii("null");
            default -> {
                return false;
            }
        }
        return true;
    }

    private void string(String text) {
        ensure(text.length() * 6 + 2); // the longest a character can become: \\uXXXX
        byte[] bytes = out;
        int at = length;
        bytes[at++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    bytes[at++] = (byte) c;
                } else if (escape == 'u') {
                    at = unicodeEscape(bytes, at, c);
                } else {
                    bytes[at++] = '\\';
                    bytes[at++] = escape;
                }
            } else if (c < 0x800) {
                bytes[at++] = (byte) (0xC0 | (c >> 6));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                at = unicodeEscape(bytes, at, c); // Jackson escapes each half of a pair, paired or not
            } else {
                bytes[at++] = (byte) (0xE0 | (c >> 12));
                bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        bytes[at++] = '"';
        length = at;
    }

    private static int unicodeEscape(byte[] bytes, int at, char c) {
        bytes[at++] = '\\';
        bytes[at++] = 'u';
        bytes[at++] = HEX[(c >> 12) & 0xF];
        bytes[at++] = HEX[(c >> 8) & 0xF];
        bytes[at++] = HEX[(c >> 4) & 0xF];
        bytes[at++] = HEX[c & 0xF];
        return at;
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            out[length++] = (byte) text.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        out[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }
}
