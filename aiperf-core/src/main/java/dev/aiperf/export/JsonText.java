package dev.aiperf.export;

import java.util.Collection;
import java.util.Map;

/**
 * Writes plain Java values as JSON text in the original's layout: compact ({@code {"a":1}}) for
 * JSON Lines, or indented by two spaces ({@code "a": 1}) for summaries. Maps keep their iteration
 * order and drop null values (the original omits nulls everywhere); doubles print as Python's
 * {@code repr}, integers as digits, {@code double[]} as a list of doubles.
 *
 * <p>Every record line goes through here, so values are appended straight into the caller's builder:
 * no intermediate strings for numbers, escaped text copied in runs.
 */
public final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final byte[] NULL = Utf8Line.ascii("null");

    private JsonText() {
    }

    /** One line, no spaces. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value, -1);
        return out.toString();
    }

    /** Indented by two spaces, no trailing newline. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder(4096);
        write(out, value, 0);
        return out.toString();
    }

    /** Appends {@code value}; {@code depth} < 0 means compact. */
    public static void write(StringBuilder out, Object value, int depth) {
        switch (value) {
            case null -> out.append("null");
            case String s -> quote(out, s);
            case Boolean b -> out.append(b);
            case Double d -> PythonNumbers.appendRepr(out, d);
            case Float f -> PythonNumbers.appendRepr(out, f);
            case Long l -> out.append(l.longValue());
            case Integer i -> out.append(i.intValue());
            case Number n -> out.append(n);
            case double[] list -> writeDoubles(out, list, depth);
            case Map<?, ?> map -> writeObject(out, map, depth);
            case Collection<?> list -> writeArray(out, list, depth);
            default -> quote(out, value.toString());
        }
    }

    /**
     * Appends {@code value} compact, as UTF-8 bytes: the bytes of what {@link #write(StringBuilder, Object, int)}
     * writes with depth -1. The common values of a record line (Long, Double, text) are tested for first, so
     * the hot path does not go through the type switch.
     */
    static void write(Utf8Line out, Object value) {
        if (value instanceof Long l) {
            out.append(l.longValue());
        } else if (value instanceof Double d) {
            PythonNumbers.appendRepr(out, d.doubleValue());
        } else if (value instanceof String s) {
            out.quoted(s);
        } else {
            writeOther(out, value);
        }
    }

    private static void writeOther(Utf8Line out, Object value) {
        switch (value) {
            case null -> out.append(NULL);
            case Boolean b -> out.append(b.booleanValue());
            case Float f -> PythonNumbers.appendRepr(out, f.doubleValue());
            case Integer i -> out.append(i.longValue());
            case double[] list -> {
                out.append((byte) '[');
                for (int i = 0; i < list.length; i++) {
                    if (i > 0) {
                        out.append((byte) ',');
                    }
                    PythonNumbers.appendRepr(out, list[i]);
                }
                out.append((byte) ']');
            }
            case Map<?, ?> map -> {
                out.append((byte) '{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (entry.getValue() != null) {
                        if (!first) {
                            out.append((byte) ',');
                        }
                        first = false;
                        out.quoted(String.valueOf(entry.getKey())).append((byte) ':');
                        write(out, entry.getValue());
                    }
                }
                out.append((byte) '}');
            }
            case Collection<?> list -> {
                out.append((byte) '[');
                boolean first = true;
                for (Object item : list) {
                    if (!first) {
                        out.append((byte) ',');
                    }
                    first = false;
                    write(out, item);
                }
                out.append((byte) ']');
            }
            default -> out.appendUtf8(compact(value)); // another Number (its toString), or any object as a string
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, child(depth));
            quote(out, String.valueOf(entry.getKey()));
            out.append(depth < 0 ? ":" : ": ");
            write(out, entry.getValue(), child(depth));
        }
        if (!first) {
            newline(out, depth); // an object without a non-null member is {} in both layouts
        }
        out.append('}');
    }

    private static void writeArray(StringBuilder out, Collection<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, child(depth));
            write(out, item, child(depth));
        }
        newline(out, depth);
        out.append(']');
    }

    private static void writeDoubles(StringBuilder out, double[] list, int depth) {
        if (list.length == 0) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < list.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(out, child(depth));
            PythonNumbers.appendRepr(out, list[i]);
        }
        newline(out, depth);
        out.append(']');
    }

    private static int child(int depth) {
        return depth < 0 ? -1 : depth + 1;
    }

    private static void newline(StringBuilder out, int depth) {
        if (depth >= 0) {
            out.append('\n').repeat("  ", depth);
        }
    }

    static void quote(StringBuilder out, String text) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                out.append(text, run, i);
                escape(out, c);
                run = i + 1;
            }
        }
        out.append(text, run, text.length()).append('"');
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }
}
