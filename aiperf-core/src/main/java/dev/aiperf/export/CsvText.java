package dev.aiperf.export;

import java.util.List;

/** Rows as Python's {@code csv.writer} writes them: CRLF line ends, quoting only when needed. */
public final class CsvText {
    public static final String LINE_END = "\r\n";

    private CsvText() {
    }

    /** Appends one row and its CRLF. */
    public static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            cell(out, cells.get(i));
        }
        out.append(LINE_END);
    }

    private static void cell(StringBuilder out, String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (quote) {
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            out.append(value);
        }
    }
}
