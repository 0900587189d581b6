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
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final Path file;
    private final BufferedWriter out;
    private final Redaction redaction;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                String message = FORMATTER.formatMessage(record);
                line(level(record.getLevel()), message + (record.getThrown() == null ? ""
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

    private RunLog(Path file, BufferedWriter out, Redaction redaction) {
        this.file = file;
        this.out = out;
        this.redaction = redaction;
        handler.setLevel(Level.WARNING);
    }

    /** Creates (or truncates) {@code logs/aiperf.log} under the artifact folder and starts taking library warnings. */
    static RunLog open(Path artifactDir, Redaction redaction) throws IOException {
        Path file = artifactDir.resolve(ArtifactFiles.LOG_FILE);
        Files.createDirectories(file.getParent());
        RunLog log = new RunLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), redaction);
        ROOT.addHandler(log.handler);
        return log;
    }

    Path file() {
        return file;
    }

    void info(String message) {
        line("INFO", message);
    }

    void warning(String message) {
        line("WARNING", message);
    }

    void error(String message) {
        line("ERROR", message);
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
            line("ERROR", text.substring("aiperf: error: ".length()));
        } else if (text.startsWith("aiperf: warning: ")) {
            line("WARNING", text.substring("aiperf: warning: ".length()));
        } else {
            line("INFO", text.startsWith("aiperf: ") ? text.substring("aiperf: ".length()) : text);
        }
    }

    private synchronized void line(String level, String message) {
        if (closed) {
            return;
        }
        try {
            out.write(LocalDateTime.now().format(TIME) + " " + String.format("%-7s", level) + " "
                    + redaction.text(message));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            closed = true; // a log that cannot be written must not stop the run
        }
    }

    private static String level(Level level) {
        return level.intValue() >= Level.SEVERE.intValue() ? "ERROR"
                : level.intValue() >= Level.WARNING.intValue() ? "WARNING" : "INFO";
    }

    @Override
    public synchronized void close() {
        ROOT.removeHandler(handler);
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
