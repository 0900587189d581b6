package dev.aiperf.engine;

import dev.aiperf.export.ArtifactFiles;
import dev.aiperf.export.Redaction;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The run's log, {@code logs/aiperf.log} in the artifact folder (as the original writes it): one line per
 * event, {@code <local time> <LEVEL> <message>}: what the engine reports (phases, exports), every
 * warning and error the run prints on its error stream, and the warnings the libraries log while it
 * runs. Lines go through the run's {@link Redaction}, so no credential reaches the file. Each line is
 * flushed as written: the log is complete up to the last event even after a crash. Never on a request's
 * path: only a handful of lines per run.
 */
final class RunLog implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    // java.util.logging keeps loggers weakly: the one the handler hangs on must stay reachable.
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger AIPERF = Logger.getLogger("dev.aiperf");
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final Path file;
    private final BufferedWriter out;
    private final Redaction redaction;
    /** The least severe line written ({@code --log-level}). */
    private final LogLevel level;
    /** The level of the {@code dev.aiperf} logger before this log lowered it, restored on close. */
    private final Level aiperfLoggerBefore;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                String message = FORMATTER.formatMessage(record);
                line(LogLevel.ofJul(record.getLevel()), message + (record.getThrown() == null ? ""
                        : ": " + record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean closed;

    private RunLog(Path file, BufferedWriter out, Redaction redaction, LogLevel level) {
        this.file = file;
        this.out = out;
        this.redaction = redaction;
        this.level = level;
        // Libraries' records: warnings and above as before; DEBUG and TRACE also let aiperf's own through.
        // (the lines below the setting are dropped in line()).
        Level records = level.passes(LogLevel.DEBUG) ? level.julLevel() : Level.WARNING;
        handler.setLevel(records);
        this.aiperfLoggerBefore = AIPERF.getLevel();
        if (records.intValue() < Level.INFO.intValue()) {
            AIPERF.setLevel(records);
        }
    }

    /** Creates (or truncates) {@code logs/aiperf.log} under the artifact folder and starts taking library warnings. */
    static RunLog open(Path artifactDir, Redaction redaction, LogLevel level) throws IOException {
        Path file = artifactDir.resolve(ArtifactFiles.LOG_FILE);
        Files.createDirectories(file.getParent());
        RunLog log = new RunLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), redaction, level);
        ROOT.addHandler(log.handler);
        return log;
    }

    Path file() {
        return file;
    }

    void debug(String message) {
        line(LogLevel.DEBUG, message);
    }

    void info(String message) {
        line(LogLevel.INFO, message);
    }

    void warning(String message) {
        line(LogLevel.WARNING, message);
    }

    void error(String message) {
        line(LogLevel.ERROR, message);
    }

    /**
     * A stream that writes to {@code console} and logs each whole line it carries: {@code aiperf: error: ...}
     * as an ERROR, {@code aiperf: warning: ...} as a WARNING, anything else as INFO.
     */
    PrintStream tee(PrintStream console) {
        OutputStream lines = new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                console.write(b);
                if (b == '\n') {
                    logLine(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                } else {
                    pending.write(b);
                }
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                console.write(bytes, offset, length);
                for (int i = offset; i < offset + length; i++) {
                    if (bytes[i] == '\n') {
                        logLine(pending.toString(StandardCharsets.UTF_8));
                        pending.reset();
                    } else {
                        pending.write(bytes[i]);
                    }
                }
            }

            @Override
            public void flush() {
                console.flush();
            }
        };
        return new PrintStream(lines, true, StandardCharsets.UTF_8);
    }

    private void logLine(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (text.isBlank()) {
            return;
        }
        if (text.startsWith("aiperf: error: ")) {
            line(LogLevel.ERROR, text.substring("aiperf: error: ".length()));
        } else if (text.startsWith("aiperf: warning: ")) {
            line(LogLevel.WARNING, text.substring("aiperf: warning: ".length()));
        } else {
            line(LogLevel.INFO, text.startsWith("aiperf: ") ? text.substring("aiperf: ".length()) : text);
        }
    }

    private synchronized void line(LogLevel lineLevel, String message) {
        if (closed || !level.passes(lineLevel)) {
            return;
        }
        try {
            out.write(LocalDateTime.now().format(TIME) + " " + String.format("%-7s", lineLevel.name()) + " "
                    + redaction.text(message));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            closed = true; // a log that cannot be written must not stop the run
        }
    }

    @Override
    public synchronized void close() {
        ROOT.removeHandler(handler);
        AIPERF.setLevel(aiperfLoggerBefore);
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // everything was flushed line by line
        }
    }
}
