package dev.aiperf.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A rounded box around a block of text with a centred title in the top border, sized to its text
 * (two spaces of padding left and right) but never wider than the console: the layout of the
 * original's warning panels.
 */
final class TextPanel {
    private TextPanel() {
    }

    static String render(String title, String body, int maxWidth) {
        int innerLimit = Math.max(10, maxWidth - 6);
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            lines.addAll(TextTable.wrap(line, innerLimit));
        }
        // wide enough for the text, and for " title " plus a corner on each side of the top border
        int inner = Math.max(title.length() - 2, lines.stream().mapToInt(String::length).max().orElse(0));
        int width = inner + 6;
        StringBuilder out = new StringBuilder();
        String heading = " " + title + " ";
        int fill = width - 2 - heading.length();
        out.append('╭').append("─".repeat(fill / 2)).append(heading).append("─".repeat(fill - fill / 2)).append("╮\n");
        for (String line : lines) {
            out.append("│  ").append(line).append(" ".repeat(inner - line.length())).append("  │\n");
        }
        out.append('╰').append("─".repeat(width - 2)).append("╯\n");
        return out.toString();
    }
}
