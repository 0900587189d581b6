package dev.aiperf.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A box-drawn table in the layout of the original's console (Rich, "heavy head" box): a centred
 * title, heavy lines around the header, light lines around the body, one space of padding in each
 * cell. Cells may hold several lines ({@code \n}). When the table is wider than the console, the
 * wrappable columns shrink and their text wraps at spaces.
 */
final class TextTable {
    enum Justify { LEFT, RIGHT }

    record Column(String header, Justify justify, boolean wrappable) {
    }

    private static final int MIN_WRAP_WIDTH = 10;

    private final String title;
    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String title, List<Column> columns) {
        this.title = title;
        this.columns = List.copyOf(columns);
    }

    void addRow(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells for " + columns.size() + " columns");
        }
        rows.add(List.copyOf(cells));
    }

    /** The table's lines, without trailing spaces, each ending in a newline. */
    String render(int maxWidth) {
        int[] widths = fitWidths(maxWidth);
        int total = Arrays.stream(widths).sum() + widths.length + 1;
        StringBuilder out = new StringBuilder();
        if (title != null) {
            out.append(" ".repeat(Math.max(0, (total - title.length()) / 2))).append(title).append('\n');
        }
        out.append(rule('┏', '━', '┳', '┓', widths));
        List<String> headers = columns.stream().map(Column::header).toList();
        appendRow(out, headers, widths, '┃');
        if (!rows.isEmpty()) {
            out.append(rule('┡', '━', '╇', '┩', widths));
            for (List<String> row : rows) {
                appendRow(out, row, widths, '│');
            }
        }
        out.append(rule('└', '─', '┴', '┘', widths));
        return out.toString();
    }

    /** Column widths including padding: natural widths, then wrappable columns shrunk to fit. */
    private int[] fitWidths(int maxWidth) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int widest = longestLine(columns.get(c).header());
            for (List<String> row : rows) {
                widest = Math.max(widest, longestLine(row.get(c)));
            }
            widths[c] = widest + 2;
        }
        int excess = Arrays.stream(widths).sum() + widths.length + 1 - maxWidth;
        for (int c = 0; c < columns.size() && excess > 0; c++) {
            if (columns.get(c).wrappable()) {
                int shrink = Math.min(excess, widths[c] - (MIN_WRAP_WIDTH + 2));
                if (shrink > 0) {
                    widths[c] -= shrink;
                    excess -= shrink;
                }
            }
        }
        return widths;
    }

    private void appendRow(StringBuilder out, List<String> cells, int[] widths, char vertical) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < cells.size(); c++) {
            List<String> lines = wrap(cells.get(c), widths[c] - 2);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int line = 0; line < height; line++) {
            StringBuilder text = new StringBuilder().append(vertical);
            for (int c = 0; c < cells.size(); c++) {
                List<String> lines = wrapped.get(c);
                String content = line < lines.size() ? lines.get(line) : "";
                text.append(' ').append(justify(content, widths[c] - 2, columns.get(c).justify())).append(' ')
                        .append(vertical);
            }
            out.append(text).append('\n');
        }
    }

    private static String rule(char left, char fill, char cross, char right, int[] widths) {
        StringBuilder line = new StringBuilder().append(left);
        for (int c = 0; c < widths.length; c++) {
            line.append(String.valueOf(fill).repeat(widths[c])).append(c == widths.length - 1 ? right : cross);
        }
        return line.append('\n').toString();
    }

    private static String justify(String text, int width, Justify justify) {
        String padding = " ".repeat(Math.max(0, width - text.length()));
        return justify == Justify.RIGHT ? padding + text : text + padding;
    }

    /** Splits on newlines, then wraps each line at spaces (hard-breaking words longer than the width). */
    static List<String> wrap(String text, int maxWidth) {
        int width = Math.max(1, maxWidth);
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            if (paragraph.length() <= width) {
                lines.add(paragraph);
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                while (word.length() > width) {
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    lines.add(word.substring(0, width));
                    word = word.substring(width);
                }
                if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static int longestLine(String text) {
        int longest = 0;
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, line.length());
        }
        return longest;
    }
}
