package dev.aiperf.console;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours a rendered box table the way the original's console does on a terminal: the title in
 * italics, the header row bold, {@code N/A} dimmed. Applied after layout, so widths never count
 * escape codes; off when output is not a terminal or {@code NO_COLOR} is set (the text is then
 * byte-identical to the uncoloured table).
 */
final class TableColors {
    private static final String NOT_AVAILABLE = "N/A";

    private TableColors() {
    }

    /** The table, coloured when {@code enabled}. */
    static String apply(String table, boolean enabled) {
        if (!enabled) {
            return table;
        }
        StringBuilder out = new StringBuilder(table.length() + 256);
        boolean inHeader = false;
        boolean first = true;
        for (String line : table.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (line.startsWith("┏")) {
                inHeader = true;
                out.append(line);
            } else if (line.startsWith("┡") || line.startsWith("└")) {
                inHeader = false;
                out.append(line);
            } else if (inHeader) {
                out.append(styled(line, AttributedStyle.BOLD));
            } else if (first && !line.isBlank() && !line.startsWith("│")) {
                out.append(styled(line, AttributedStyle.DEFAULT.italic()));
            } else {
                out.append(dimmedNotAvailable(line));
            }
            first = false;
        }
        return out.toString();
    }

    private static String styled(String text, AttributedStyle style) {
        return new AttributedStringBuilder().style(style).append(text).toAnsi();
    }

    private static String dimmedNotAvailable(String line) {
        if (!line.contains(NOT_AVAILABLE)) {
            return line;
        }
        AttributedStringBuilder b = new AttributedStringBuilder();
        int from = 0;
        for (int at = line.indexOf(NOT_AVAILABLE); at >= 0; at = line.indexOf(NOT_AVAILABLE, from)) {
            b.append(line, from, at);
            b.append(new AttributedString(NOT_AVAILABLE, AttributedStyle.DEFAULT.faint()));
            from = at + NOT_AVAILABLE.length();
        }
        b.append(line.substring(from));
        return b.toAnsi();
    }
}
