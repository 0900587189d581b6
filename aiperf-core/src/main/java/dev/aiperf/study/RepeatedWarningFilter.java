package dev.aiperf.study;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The error stream of a study's runs: every line passes, except a warning line ({@code aiperf: warning: ...}) that
 * an earlier run already printed, so the same tokenizer fallback is not announced once per run.
 */
final class RepeatedWarningFilter extends OutputStream {
    private static final String WARNING = "aiperf: warning: ";
    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Set<String> seen = new HashSet<>();

    private RepeatedWarningFilter(PrintStream target) {
        this.target = target;
    }

    static PrintStream around(PrintStream target) {
        return new PrintStream(new RepeatedWarningFilter(target), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() {
        // A partial line (a progress bar redrawn with \r) goes out as it is; only whole warning lines are filtered.
        if (line.size() > 0 && !startsWithWarning()) {
            target.print(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
        target.flush();
    }

    private boolean startsWithWarning() {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.startsWith(WARNING) || WARNING.startsWith(text);
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!text.startsWith(WARNING) || seen.add(text)) {
            target.print(text);
        }
    }
}
