package dev.aiperf.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableColorsTest {
    private static final String TABLE = """
                    Title
            ┏━━━━━━━┳━━━━━┓
            ┃ Metric┃ avg ┃
            ┡━━━━━━━╇━━━━━┩
            │ x (ms)│ N/A │
            └───────┴─────┘
            """;

    @Test
    void offLeavesTheTextAsIs() {
        assertThat(TableColors.apply(TABLE, false)).isSameAs(TABLE);
    }

    @Test
    void onMakesTheHeaderBoldTheTitleItalicAndNotAvailableFaint() {
        String coloured = TableColors.apply(TABLE, true);
        assertThat(coloured).contains("\u001b[1m┃ Metric┃ avg ┃").contains("\u001b[3m        Title")
                .contains("│ x (ms)│ \u001b[2mN/A\u001b[0m │");
        // without the escape codes it is the same table
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(TABLE);
    }
}
