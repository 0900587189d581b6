package dev.aiperf.console;

import dev.aiperf.environment.AiperfEnvironment;

/**
 * The width console output is laid out for: the terminal's real width when output goes to one
 * (read again each time, so a resized window is followed), else {@code COLUMNS} when exported,
 * else 120; never below 100, as in the original.
 */
public final class ConsoleWidth {
    public static final int DEFAULT = 120;
    public static final int MINIMUM = 100;

    private ConsoleWidth() {
    }

    public static int detect() {
        return SystemTerminal.width().map(w -> Math.max(MINIMUM, w)).orElseGet(() -> fromColumns(AiperfEnvironment.system().raw(AiperfEnvironment.COLUMNS)));
    }

    static int fromColumns(String columns) {
        if (columns != null) {
            try {
                return Math.max(MINIMUM, Integer.parseInt(columns.trim()));
            } catch (NumberFormatException ignored) {
                // not a number: fall back to the default
            }
        }
        return DEFAULT;
    }
}
