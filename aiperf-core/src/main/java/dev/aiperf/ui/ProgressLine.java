package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi.Progress;
import dev.aiperf.api.ui.LiveMetrics;

import java.util.Locale;

/** Formats the parts of a progress report shared by the bar and the log line. */
final class ProgressLine {

    private ProgressLine() {
    }

    /** {@code 1,040/2,000 requests} or {@code 1,040 requests} when the total is unknown. */
    static String counts(Progress p) {
        String done = String.format(Locale.ROOT, "%,d", p.completed());
        return p.expectedRequests() == null ? done + " requests"
                : done + "/" + String.format(Locale.ROOT, "%,d", p.expectedRequests()) + " requests";
    }

    static String rate(Progress p) {
        return String.format(Locale.ROOT, "%,.1f req/s", p.rate());
    }

    static String errors(Progress p) {
        return String.format(Locale.ROOT, "%,d errors", p.errors());
    }

    /** {@code ETA 1:05}, {@code ETA 1:02:03}, or {@code ETA --:--} before it can be estimated. */
    static String eta(Progress p) {
        Double eta = p.etaSeconds();
        return "ETA " + (eta == null ? "--:--" : clock(eta));
    }

    static String elapsed(Progress p) {
        return clock(p.elapsedSeconds());
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    static String percent(Progress p) {
        Double f = p.fraction();
        return f == null ? "" : String.format(Locale.ROOT, "%3.0f%%", f * 100);
    }

    /** {@code TTFT p50/p99 12.3/40.1 ms}, or "" before the first value. */
    static String ttft(LiveMetrics live) {
        return latency("TTFT", live == null ? null : live.timeToFirstToken());
    }

    /** {@code ITL p50/p99 4.10/9.00 ms}, or "" before the first value (non-streaming: never). */
    static String itl(LiveMetrics live) {
        return latency("ITL", live == null ? null : live.interTokenLatency());
    }

    /** The live latencies that exist, separated by two spaces: "" when none does. */
    static String liveLatencies(LiveMetrics live) {
        String ttft = ttft(live);
        String itl = itl(live);
        return ttft.isEmpty() ? itl : itl.isEmpty() ? ttft : ttft + "  " + itl;
    }

    private static String latency(String name, LiveMetrics.Percentiles p) {
        return p == null ? "" : name + " p50/p99 " + number(p.p50()) + "/" + number(p.p99()) + " ms";
    }

    /** Three significant digits at most, as the live histograms keep. */
    static String number(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms) : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms)
                : String.format(Locale.ROOT, "%.2f", ms);
    }
}
