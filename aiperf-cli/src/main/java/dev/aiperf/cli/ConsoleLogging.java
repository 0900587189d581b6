package dev.aiperf.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * What the libraries log (the plugin registry and the pipeline through {@link System.Logger}, Netty
 * through java.util.logging) shown the way the CLI speaks: one {@code aiperf: warning: ...} line per
 * record on stderr, instead of the JDK's two lines with a timestamp. With {@code --verbose}, aiperf's
 * info and debug records too, each with its level and logger, and stack traces.
 *
 * <p>Every record is a warning, whatever its level: a problem that ends the command is reported by
 * the command's error handling as {@code aiperf: error: ...}; what is only logged (a plugin jar
 * skipped, a metric left out) let the command go on.
 */
public final class ConsoleLogging {
    // java.util.logging keeps loggers weakly: the configured ones must stay reachable.
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger AIPERF = Logger.getLogger("dev.aiperf");

    private ConsoleLogging() {
    }

    /** Replaces the JDK's logging set-up: warnings and above, or everything of aiperf when verbose. */
    public static synchronized void install(OutputStream stderr, boolean verbose) {
        LogManager.getLogManager().reset();
        ROOT.addHandler(new LineHandler(stderr, verbose));
        ROOT.setLevel(verbose ? Level.INFO : Level.WARNING);
        AIPERF.setLevel(verbose ? Level.FINE : null);
    }

    /** A stream handler that flushes every record, as the JDK's console handler does. */
    private static final class LineHandler extends StreamHandler {
        LineHandler(OutputStream stderr, boolean verbose) {
            super(stderr, new LineFormatter(verbose));
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        /** Flushes only: stderr belongs to the process, not to this handler. */
        @Override
        public synchronized void close() {
            flush();
        }
    }

    /** {@code aiperf: warning: message}; verbose adds the level, the logger and the stack trace. */
    static final class LineFormatter extends Formatter {
        private final boolean verbose;

        LineFormatter(boolean verbose) {
            this.verbose = verbose;
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder("aiperf: ").append(label(record.getLevel())).append(": ")
                    .append(formatMessage(record));
            Throwable thrown = record.getThrown();
            if (!verbose) {
                if (thrown != null && thrown.getMessage() != null && !line.toString().contains(thrown.getMessage())) {
                    line.append(": ").append(thrown.getMessage());
                }
                return line.append(System.lineSeparator()).toString();
            }
            line.append(" [").append(record.getLevel().getName()).append(' ').append(record.getLoggerName())
                    .append(']').append(System.lineSeparator());
            if (thrown != null) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        private static String label(Level level) {
            if (level.intValue() >= Level.WARNING.intValue()) {
                return "warning";
            }
            return level.intValue() >= Level.INFO.intValue() ? "info" : "debug";
        }
    }
}
