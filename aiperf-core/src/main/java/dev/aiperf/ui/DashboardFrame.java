package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi.Progress;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.api.ui.LiveServerMetrics;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays out one frame of the dashboard for a screen of a given size: exactly {@code height} lines,
 * none wider than {@code width}. Sections that do not fit are dropped from the bottom; lines are cut
 * at the right edge. Pure: the same state and size give the same frame (what the tests check).
 */
final class DashboardFrame {
    private static final String SPARK = "▁▂▃▄▅▆▇█";
    private static final AttributedStyle HEADING = AttributedStyle.BOLD;
    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle BAR = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();
    private static final AttributedStyle TITLE = AttributedStyle.DEFAULT.inverse();

    private DashboardFrame() {
    }

    static List<AttributedString> render(DashboardState state, int width, int height) {
        List<AttributedString> lines = new ArrayList<>();
        String keys = state.stopping() ? "stopping: cancelling in-flight requests and exporting..."
                : state.paused() ? "[p] resume  [q] stop" : "[p] pause  [q] stop";
        lines.add(padded(" AIPerf | " + state.title(), keys + " ", width, TITLE));
        lines.add(AttributedString.EMPTY);
        Progress p = state.progress();
        if (p == null) {
            lines.add(new AttributedString(" starting..."));
        } else {
            lines.addAll(progress(p, width));
            lines.add(AttributedString.EMPTY);
            lines.addAll(throughput(state, p, width));
            lines.add(AttributedString.EMPTY);
            lines.addAll(latencies(state.live()));
            lines.add(AttributedString.EMPTY);
            lines.add(errors(p, state.live()));
            if (state.server() != null && !state.server().endpoints().isEmpty()) {
                lines.add(AttributedString.EMPTY);
                lines.addAll(server(state, width));
            }
        }
        if (state.paused()) {
            lines.add(AttributedString.EMPTY);
            lines.add(new AttributedString(" display paused; the run goes on", DIM));
        }
        List<AttributedString> frame = new ArrayList<>(height);
        for (int i = 0; i < height; i++) {
            AttributedString line = i < lines.size() ? lines.get(i) : AttributedString.EMPTY;
            frame.add(line.columnLength() > width ? line.columnSubSequence(0, width) : line);
        }
        return frame;
    }

    private static List<AttributedString> progress(Progress p, int width) {
        String counts = "  " + ProgressLine.percent(p).strip() + "  " + ProgressLine.counts(p) + "  elapsed "
                + ProgressLine.elapsed(p) + "  " + ProgressLine.eta(p);
        int bar = Math.max(10, Math.min(60, width - counts.length() - 16));
        Double f = p.fraction();
        int filled = f == null ? 0 : (int) Math.round(f * bar);
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.style(HEADING).append(String.format(Locale.ROOT, " %-10s", p.phase())).style(AttributedStyle.DEFAULT)
                .append(" [").style(BAR).append("█".repeat(filled)).style(DIM).append("·".repeat(bar - filled))
                .style(AttributedStyle.DEFAULT).append("]").append(counts);
        return List.of(b.toAttributedString(), new AttributedString(String.format(Locale.ROOT,
                "            sent %,d  in flight %,d", p.sent(), Math.max(0, p.sent() - p.completed())), DIM));
    }

    private static List<AttributedString> throughput(DashboardState state, Progress p, int width) {
        List<Double> history = state.throughput();
        double now = history.isEmpty() ? 0 : history.get(history.size() - 1);
        String tokens = state.outputTokensPerSecond() == null ? ""
                : String.format(Locale.ROOT, "   output %,.0f tokens/s", state.outputTokensPerSecond());
        AttributedStringBuilder head = new AttributedStringBuilder().style(HEADING).append(" Throughput")
                .style(AttributedStyle.DEFAULT).append(String.format(Locale.ROOT, "   %,.1f req/s last second   %,.1f"
                        + " req/s average", now, p.rate())).append(tokens);
        int span = Math.max(10, width - 14);
        List<Double> shown = history.subList(Math.max(0, history.size() - span), history.size());
        return List.of(head.toAttributedString(), new AttributedStringBuilder().append("   ").style(BAR)
                .append(sparkline(shown)).style(DIM).append(shown.isEmpty() ? "" : "  (" + shown.size() + " s)")
                .toAttributedString());
    }

    /** One block per value, scaled to the largest shown. */
    static String sparkline(List<Double> values) {
        return sparkline(values, values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /** One block per value, scaled to {@code max} (the full block). */
    static String sparkline(List<Double> values, double max) {
        StringBuilder s = new StringBuilder(values.size());
        for (double v : values) {
            int level = max <= 0 ? 0 : (int) Math.round(v / max * (SPARK.length() - 1));
            s.append(SPARK.charAt(Math.max(0, Math.min(SPARK.length() - 1, level))));
        }
        return s.toString();
    }

    private static List<AttributedString> latencies(LiveMetrics live) {
        List<AttributedString> lines = new ArrayList<>();
        lines.add(new AttributedStringBuilder().style(HEADING).append(String.format(Locale.ROOT,
                " %-22s %9s %9s %9s %9s %9s", "Latency (ms)", "p50", "p90", "p99", "max", "count")).toAttributedString());
        lines.add(row("Time to first token", live.timeToFirstToken()));
        lines.add(row("Inter token latency", live.interTokenLatency()));
        lines.add(row("Request latency", live.requestLatency()));
        return lines;
    }

    private static AttributedString row(String name, LiveMetrics.Percentiles p) {
        if (p == null) {
            return new AttributedString(String.format(Locale.ROOT, "   %-20s %9s", name, "-"), DIM);
        }
        return new AttributedString(String.format(Locale.ROOT, "   %-20s %9s %9s %9s %9s %,9d", name,
                ProgressLine.number(p.p50()), ProgressLine.number(p.p90()), ProgressLine.number(p.p99()),
                ProgressLine.number(p.max()), p.count()));
    }

    /** The server's own load: one row per endpoint, then its history (requests running, KV-cache use). */
    private static List<AttributedString> server(DashboardState state, int width) {
        List<AttributedString> lines = new ArrayList<>();
        lines.add(new AttributedStringBuilder().style(HEADING).append(String.format(Locale.ROOT,
                " %-28s %9s %9s %9s %12s", "Server", "running", "waiting", "KV cache", "scraped")).toAttributedString());
        for (LiveServerMetrics.Endpoint e : state.server().endpoints()) {
            String url = shortUrl(e.url(), 26);
            if (!e.scraped()) {
                lines.add(new AttributedString(String.format(Locale.ROOT, "   %-26s %9s %9s %9s %12s", url, "-", "-",
                        "-", "not yet"), DIM));
                continue;
            }
            lines.add(new AttributedString(String.format(Locale.ROOT, "   %-26s %9s %9s %9s %12s", url,
                    count(e.requestsRunning()), count(e.requestsWaiting()),
                    e.kvCacheUsagePercent() == null ? "-" : String.format(Locale.ROOT, "%.1f %%", e.kvCacheUsagePercent()),
                    String.format(Locale.ROOT, "%.1f s ago", e.secondsSinceScrape()))));
        }
        int span = Math.max(10, width - 26);
        lines.add(history("running", state.serverRunning(), span, null));
        lines.add(history("KV cache", state.kvCacheUsage(), span, 100.0));
        return lines;
    }

    /** A labelled sparkline of the last {@code span} seconds, scaled to {@code max} or to the largest shown. */
    private static AttributedString history(String label, List<Double> values, int span, Double max) {
        List<Double> shown = values.subList(Math.max(0, values.size() - span), values.size());
        return new AttributedStringBuilder().append(String.format(Locale.ROOT, "   %-9s ", label)).style(BAR)
                .append(max == null ? sparkline(shown) : sparkline(shown, max)).style(DIM)
                .append(shown.isEmpty() ? "-" : "  (" + shown.size() + " s)").toAttributedString();
    }

    private static String count(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** The URL without its scheme, cut with an ellipsis to {@code max} characters. */
    static String shortUrl(String url, int max) {
        String s = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static AttributedString errors(Progress p, LiveMetrics live) {
        AttributedStringBuilder b = new AttributedStringBuilder().style(HEADING).append(" Errors ")
                .style(p.errors() > 0 ? ERROR : AttributedStyle.DEFAULT).append(String.format(Locale.ROOT, "%,d",
                        p.errors())).style(AttributedStyle.DEFAULT);
        for (Map.Entry<String, Long> e : live.errorsByType()) {
            b.append(String.format(Locale.ROOT, "   %s ×%,d", e.getKey(), e.getValue()));
        }
        return b.toAttributedString();
    }

    /** {@code left} and {@code right} on one full-width line in {@code style}. */
    private static AttributedString padded(String left, String right, int width, AttributedStyle style) {
        int gap = Math.max(1, width - left.length() - right.length());
        String text = left + " ".repeat(gap) + right;
        return new AttributedString(text.length() > width ? text.substring(0, width) : text, style);
    }
}
