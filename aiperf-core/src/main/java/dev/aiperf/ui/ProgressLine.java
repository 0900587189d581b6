package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi.Progress;

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
}
