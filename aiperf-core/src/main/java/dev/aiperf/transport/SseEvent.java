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
 */
record SseEvent(String data, boolean error, String errorMessage) {

    private static final String DATA = "data";
    private static final String COMMENT = "comment";

    /** Parses a trimmed, non-blank event. */
    static SseEvent parse(String raw) {
        // The usual event is one "data:" line: no field list needed.
        if (raw.startsWith("data:") && raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0) {
            return new SseEvent(raw.substring(5).strip(), false, null);
        }
        List<String[]> fields = fields(raw);
        StringBuilder data = new StringBuilder();
        boolean error = false;
        String comment = null;
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
                if (comment == null) {
                    comment = value;
                }
            } else if (name.toLowerCase(Locale.ROOT).equals("event") && value != null
                    && value.toLowerCase(Locale.ROOT).equals("error")) {
                error = true;
            }
        }
        return new SseEvent(data.toString(), error, error ? (comment != null ? comment : raw) : null);
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
