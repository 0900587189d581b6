package dev.aiperf.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fields of one SSE event (spec §4.5): each non-blank line split at its first {@code :} into
 * a trimmed name and value; an empty name is a comment, a line without {@code :} a field with no
 * value. A line that continues a {@code data} value holding an unfinished JSON object (a server that
 * put a raw newline inside a JSON string) is appended to it with an escaped {@code \n}.
 *
 * @param data         every non-empty {@code data} value joined with {@code \n}; "" when none
 * @param error        whether the event is {@code event: error}
 * @param errorMessage the event's first comment, or the whole event, when it is an error
 * @param serverSentNs the server's send stamp from a {@code : t=<nanos>} comment (the mock server writes one
 *                     before every event; SSE clients ignore comments), or 0
 */
record SseEvent(String data, boolean error, String errorMessage, long serverSentNs) {

    /** The comment the mock server stamps every event with: {@code : t=<System.nanoTime() at send>}. */
    static final String STAMP_PREFIX = ": t=";

    SseEvent(String data, boolean error, String errorMessage) {
        this(data, error, errorMessage, 0L);
    }

    private static final String DATA = "data";
    private static final String COMMENT = "comment";

    /** Parses a trimmed, non-blank event. */
    static SseEvent parse(String raw) {
        // The usual event is one "data:" line: no field list needed.
        if (raw.startsWith("data:") && raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0) {
            return new SseEvent(raw.substring(5).strip(), false, null, 0L);
        }
        // The same with the mock server's send stamp in front: ": t=<nanos>\ndata: ...".
        if (raw.startsWith(STAMP_PREFIX)) {
            int newline = raw.indexOf('\n');
            if (newline > 0 && raw.startsWith("data:", newline + 1) && raw.indexOf('\n', newline + 1) < 0
                    && raw.indexOf('\r') < 0) {
                return new SseEvent(raw.substring(newline + 6).strip(), false, null,
                        stamp(raw, STAMP_PREFIX.length(), newline));
            }
        }
        List<String[]> fields = fields(raw);
        StringBuilder data = new StringBuilder();
        boolean error = false;
        String comment = null;
        long stamp = 0L;
        for (String[] field : fields) {
            String name = field[0];
            String value = field[1];
            if (name.equals(DATA)) {
                if (value != null && !value.isEmpty()) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(value);
                }
            } else if (name.equals(COMMENT)) {
                if (value != null && value.startsWith("t=") && stamp == 0L) {
                    stamp = stamp(value, 2, value.length());
                } else if (comment == null) {
                    comment = value;
                }
            } else if (name.toLowerCase(Locale.ROOT).equals("event") && value != null
                    && value.toLowerCase(Locale.ROOT).equals("error")) {
                error = true;
            }
        }
        return new SseEvent(data.toString(), error, error ? (comment != null ? comment : raw) : null, stamp);
    }

    /** The decimal digits of {@code text[from, to)} as a positive long, or 0 when they are not one. */
    private static long stamp(String text, int from, int to) {
        long value = 0;
        if (to <= from || to - from > 19) {
            return 0L;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return 0L;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static List<String[]> fields(String raw) {
        List<String[]> fields = new ArrayList<>(2);
        raw.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            String[] previous = fields.isEmpty() ? null : fields.get(fields.size() - 1);
            String previousValue = previous == null ? null : previous[1];
            if (previousValue != null && previousValue.startsWith("{") && !previousValue.endsWith("}")
                    && !line.startsWith("data:")) {
                previous[1] = previousValue + "\\n" + line;
                return;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                fields.add(new String[] {line, null});
            } else {
                String name = line.substring(0, colon).strip();
                fields.add(new String[] {name.isEmpty() ? COMMENT : name, line.substring(colon + 1).strip()});
            }
        });
        return fields;
    }
}
