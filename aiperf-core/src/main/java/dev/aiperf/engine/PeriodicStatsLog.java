package dev.aiperf.engine;

import dev.aiperf.api.config.OutputConfig;
import dev.aiperf.api.ui.AiperfUi;
import dev.aiperf.api.ui.LiveMetrics;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code --stats-interval}: every so many seconds of the profiling phase, a short block of what it measured so
 * far (requests, failures, throughput, TTFT/ITL/latency percentiles, errors by type), as the original logs it in
 * its non-dashboard modes. Runs on the progress thread, from the same snapshot the UI draws, so it costs the
 * requests nothing.
 */
final class PeriodicStatsLog {
    /** The original's interval with its full-screen dashboard, and otherwise. */
    static final double DASHBOARD_SECONDS = 5;
    static final double DEFAULT_SECONDS = 30;

    private final long intervalNs;
    private final Consumer<String> out;
    private long nextNs;

    private PeriodicStatsLog(long intervalNs, Consumer<String> out) {
        this.intervalNs = intervalNs;
        this.out = out;
    }

    /** The log of this run, or null when the interval is 0 (off). */
    static PeriodicStatsLog of(OutputConfig output, Consumer<String> out) {
        double seconds = intervalSeconds(output);
        return seconds > 0 ? new PeriodicStatsLog((long) (seconds * 1e9), out) : null;
    }

    /** The interval asked for, else the original's default for the UI. */
    static double intervalSeconds(OutputConfig output) {
        if (output.statsIntervalSeconds() != null) {
            return output.statsIntervalSeconds();
        }
        return "dashboard".equals(output.ui()) ? DASHBOARD_SECONDS : DEFAULT_SECONDS;
    }

    /** The phase started at {@code startNs}: the first block is due one interval later. */
    void start(long startNs) {
        nextNs = startNs + intervalNs;
    }

    /** Writes a block when one is due. */
    void tick(AiperfUi.Progress progress, LiveMetrics live, long nowNs) {
        if (nowNs - nextNs < 0) {
            return;
        }
        while (nowNs - nextNs >= 0) {
            nextNs += intervalNs; // a stalled progress thread skips blocks rather than bursting them
        }
        out.accept(block(progress, live));
    }

    static String block(AiperfUi.Progress progress, LiveMetrics live) {
        StringBuilder text = new StringBuilder(256);
        text.append(String.format(Locale.ROOT, "stats after %.1f s of %s: %d requests completed, %d failed,"
                        + " %.2f requests/s", progress.elapsedSeconds(), progress.phase(), progress.completed(),
                progress.errors(), progress.rate()));
        if (live.outputTokens() > 0 && progress.elapsedSeconds() > 0) {
            text.append(String.format(Locale.ROOT, ", %.1f output tokens/s",
                    live.outputTokens() / progress.elapsedSeconds()));
        }
        latency(text, "time_to_first_token", live.timeToFirstToken());
        latency(text, "inter_token_latency", live.interTokenLatency());
        latency(text, "request_latency", live.requestLatency());
        if (!live.errorsByType().isEmpty()) {
            text.append(System.lineSeparator()).append("  errors:");
            for (Map.Entry<String, Long> error : live.errorsByType()) {
                text.append(' ').append(error.getKey()).append(" x").append(error.getValue());
            }
        }
        return text.toString();
    }

    private static void latency(StringBuilder text, String tag, LiveMetrics.Percentiles p) {
        if (p != null) {
            text.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                    "  %s (ms): p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  (%d)", tag, p.p50(), p.p90(), p.p99(),
                    p.max(), p.count()));
        }
    }
}
