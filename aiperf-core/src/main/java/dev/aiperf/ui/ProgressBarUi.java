package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi;
import dev.aiperf.api.ui.UiContext;

import java.io.PrintStream;

/**
 * UI {@code progress}: one progress bar per phase, redrawn in place on a terminal, with the
 * completed count, rate, errors and ETA. Width comes from {@code COLUMNS} (default 100).
 */
public final class ProgressBarUi implements AiperfUi {
    private static final long REDRAW_INTERVAL_NS = 100_000_000L;

    private final PrintStream out;
    private final int width;
    private long lastDrawNs;
    private boolean lineOpen;

    /** Writes to {@code out}, the stream the program hands over (the CLI: its stderr); never a standard stream of its own. */
    public ProgressBarUi(UiContext context) {
        this(context.out(), terminalWidth());
    }

    ProgressBarUi(PrintStream out, int width) {
        this.out = out;
        this.width = Math.max(60, Math.min(width, 200));
    }

    @Override
    public void phaseStarted(String phase, Long expectedRequests, Double durationSeconds) {
        draw(new Progress(phase, 0, 0, 0, 0, expectedRequests, durationSeconds));
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

    /** The bar line, padded to the full width so a shorter line wipes a longer one. */
    String render(Progress p) {
        String suffix = " " + ProgressLine.percent(p) + "  " + ProgressLine.counts(p) + "  " + ProgressLine.rate(p)
                + "  " + ProgressLine.errors(p) + "  " + ProgressLine.elapsed(p) + " " + ProgressLine.eta(p);
        String prefix = String.format("%-9s ", p.phase());
        // A fixed bar width, so the bar does not jitter as the numbers after it grow.
        int barWidth = Math.max(10, Math.min(40, width - 80));
        Double f = p.fraction();
        StringBuilder line = new StringBuilder(width).append(prefix).append('[');
        int filled = f == null ? 0 : (int) Math.round(f * barWidth);
        for (int i = 0; i < barWidth; i++) {
            line.append(i < filled ? '#' : (f == null && i == (int) (p.elapsedSeconds() * 4) % barWidth ? '=' : '.'));
        }
        line.append(']').append(suffix);
        while (line.length() < width - 1) {
            line.append(' ');
        }
        return line.length() > width - 1 ? line.substring(0, width - 1) : line.toString();
    }

    private static int terminalWidth() {
        String columns = System.getenv("COLUMNS");
        if (columns != null) {
            try {
                return Integer.parseInt(columns.strip());
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return 100;
    }
}
