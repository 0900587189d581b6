package dev.aiperf.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Level;

/**
 * The original's log levels ({@code --log-level}), in its order, with the {@code java.util.logging} level each
 * maps to: what the run's log {@code logs/aiperf.log} and the libraries' loggers pass at that setting. NOTICE and
 * SUCCESS have no JDK counterpart; they sit between the levels around them, so {@code --log-level NOTICE} keeps
 * warnings and errors, {@code SUCCESS} errors only, as in the original.
 */
public enum LogLevel {
    TRACE(5, Level.FINEST),
    DEBUG(10, Level.FINE),
    INFO(20, Level.INFO),
    NOTICE(25, Level.WARNING),
    WARNING(30, Level.WARNING),
    SUCCESS(35, Level.SEVERE),
    ERROR(40, Level.SEVERE),
    CRITICAL(50, Level.SEVERE);

    private final int severity;
    private final Level jul;

    LogLevel(int severity, Level jul) {
        this.severity = severity;
        this.jul = jul;
    }

    /** The level named {@code name} (any case). */
    public static LogLevel of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("--log-level must be one of " + String.join(", ",
                    Arrays.stream(values()).map(Enum::name).toList()) + ", got '" + name + "'");
        }
    }

    /** The lowest JDK level passed at this setting. */
    public Level julLevel() {
        return jul;
    }

    /** Whether a line of level {@code line} is written at this setting. */
    public boolean passes(LogLevel line) {
        return line.severity >= severity;
    }

    /** The more verbose of the two. */
    public LogLevel mostVerbose(LogLevel other) {
        return other.severity < severity ? other : this;
    }

    /** The level of a JDK log record, as the run's log names it. */
    static LogLevel ofJul(Level level) {
        int value = level.intValue();
        return value >= Level.SEVERE.intValue() ? ERROR : value >= Level.WARNING.intValue() ? WARNING
                : value >= Level.INFO.intValue() ? INFO : value >= Level.FINE.intValue() ? DEBUG : TRACE;
    }
}
