package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.api.ui.UiContext;

import java.io.PrintStream;

/**
 * UI {@code simple}: a plain line every few seconds, for logs and pipes, where a redrawn bar
 * would turn into noise.
 */
public final class LogProgressUi implements AiperfUi {
    /** Matches the original's credit progress report interval. */
    static final long LINE_INTERVAL_NS = 2_000_000_000L;

    private final PrintStream out;
    private final long intervalNs;
    private long lastLineNs;
    private LiveMetrics live;

    /** Writes to {@code out}, the stream the program hands over (the CLI: its stderr); never a standard stream of its own. */
    public LogProgressUi(UiContext context) {
        this(context.out(), LINE_INTERVAL_NS);
    }

    LogProgressUi(PrintStream out, long intervalNs) {
        this.out = out;
        this.intervalNs = intervalNs;
    }

    @Override
    public void phaseStarted(String phase, Long expectedRequests, Double durationSeconds) {
        StringBuilder line = new StringBuilder("aiperf: ").append(phase).append(" started");
        if (expectedRequests != null) {
            line.append(", ").append(expectedRequests).append(" requests");
        }
        if (durationSeconds != null) {
            line.append(", ").append(durationSeconds).append(" s");
        }
        out.println(line);
        out.flush();
        lastLineNs = System.nanoTime();
    }

    @Override
    public void liveMetrics(LiveMetrics metrics) {
        live = metrics;
    }

    @Override
    public void progress(Progress progress) {
        long now = System.nanoTime();
        if (now - lastLineNs >= intervalNs) {
            lastLineNs = now;
            out.println(line(progress, live));
            out.flush();
        }
    }

    @Override
    public void phaseCompleted(Progress progress) {
        out.println(line(progress, live) + " (done)");
        live = null;
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }

    static String line(Progress p) {
        return line(p, null);
    }

    static String line(Progress p, LiveMetrics live) {
        String percent = ProgressLine.percent(p).strip();
        String latencies = ProgressLine.liveLatencies(live).replace("  ", ", ");
        return "aiperf: " + p.phase() + " " + (percent.isEmpty() ? "" : percent + " ") + ProgressLine.counts(p)
                + ", " + ProgressLine.rate(p) + ", " + ProgressLine.errors(p) + ", elapsed "
                + ProgressLine.elapsed(p) + ", " + ProgressLine.eta(p) + (latencies.isEmpty() ? "" : ", " + latencies);
    }
}
