package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.api.ui.UiContext;
import dev.aiperf.console.SystemTerminal;
import dev.aiperf.environment.AiperfEnvironment;

import java.io.PrintStream;
import java.util.function.IntSupplier;

/**
 * UI {@code progress}: one progress bar per phase, redrawn in place on a terminal, with the
 * completed count, rate, errors, ETA and, once measured, the live TTFT and ITL p50/p99. The width is
 * the terminal's own, read again on every redraw so a resized window is followed; the line is cut
 * to fit and never wraps (the latencies go first, then the bar shrinks).
 */
public final class ProgressBarUi implements AiperfUi {
    private static final long REDRAW_INTERVAL_NS = 100_000_000L;
    private static final int MIN_WIDTH = 40;
    private static final int MIN_BAR = 10;
    private static final int MAX_BAR = 40;

    private final PrintStream out;
    private final IntSupplier width;
    private long lastDrawNs;
    private boolean lineOpen;
    private LiveMetrics live;

    /** Writes to {@code out}, the stream the program hands over (the CLI: its stderr); never a standard stream of its own. */
    public ProgressBarUi(UiContext context) {
        this(context.out(), () -> SystemTerminal.width().orElseGet(ProgressBarUi::columns));
    }

    ProgressBarUi(PrintStream out, int width) {
        this(out, () -> width);
    }

    ProgressBarUi(PrintStream out, IntSupplier width) {
        this.out = out;
        this.width = width;
    }

    @Override
    public void phaseStarted(String phase, Long expectedRequests, Double durationSeconds) {
        live = null;
        draw(new Progress(phase, 0, 0, 0, 0, expectedRequests, durationSeconds));
    }

    @Override
    public void liveMetrics(LiveMetrics metrics) {
        live = metrics;
    }

    @Override
    public void progress(Progress progress) {
        long now = System.nanoTime();
        if (now - lastDrawNs >= REDRAW_INTERVAL_NS) {
            lastDrawNs = now;
            draw(progress);
        }
    }

    @Override
    public void phaseCompleted(Progress progress) {
        draw(progress);
        out.print('\n');
        out.flush();
        lineOpen = false;
    }

    @Override
    public void close() {
        if (lineOpen) {
            out.print('\n');
            out.flush();
            lineOpen = false;
        }
    }

    private void draw(Progress p) {
        out.print('\r');
        out.print(render(p));
        out.flush();
        lineOpen = true;
    }

    /** The bar line, padded to one less than the width (so a shorter line wipes a longer one, and none wraps). */
    String render(Progress p) {
        int columns = Math.max(MIN_WIDTH, Math.min(width.getAsInt(), 400));
        int room = columns - 1;
        String prefix = String.format("%-9s ", p.phase());
        String suffix = " " + ProgressLine.percent(p) + "  " + ProgressLine.counts(p) + "  " + ProgressLine.rate(p)
                + "  " + ProgressLine.errors(p) + "  " + ProgressLine.elapsed(p) + " " + ProgressLine.eta(p);
        // The bar's width follows the terminal's, not the numbers after it, so it does not jitter as they
        // grow; it shrinks to make room for the latencies when that is what lets them fit.
        int preferred = Math.max(MIN_BAR, Math.min(MAX_BAR, columns - 80));
        int fixed = prefix.length() + 2 + suffix.length();
        int bar = preferred;
        String latencies = "";
        for (String candidate : new String[]{ProgressLine.liveLatencies(live), ProgressLine.ttft(live)}) {
            if (candidate.isEmpty()) {
                continue;
            }
            int need = fixed + 2 + candidate.length();
            if (need + preferred <= room || need + MIN_BAR <= room) {
                bar = need + preferred <= room ? preferred : Math.max(MIN_BAR, Math.min(preferred, room - need));
                latencies = "  " + candidate;
                break;
            }
        }
        StringBuilder line = new StringBuilder(room).append(prefix).append('[');
        Double f = p.fraction();
        int filled = f == null ? 0 : (int) Math.round(f * bar);
        for (int i = 0; i < bar; i++) {
            line.append(i < filled ? '#' : (f == null && i == (int) (p.elapsedSeconds() * 4) % bar ? '=' : '.'));
        }
        line.append(']').append(suffix).append(latencies);
        while (line.length() < room) {
            line.append(' ');
        }
        return line.length() > room ? line.substring(0, room) : line.toString();
    }

    /** {@code COLUMNS} when the shell exports it, else 100: for when no terminal tells its width. */
    private static int columns() {
        return AiperfEnvironment.system().columns().orElse(100);
    }
}
