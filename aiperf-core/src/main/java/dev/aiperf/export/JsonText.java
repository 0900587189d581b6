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
