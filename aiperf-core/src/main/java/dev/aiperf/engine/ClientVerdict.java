package dev.aiperf.engine;

import dev.aiperf.api.export.ClientHealth;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether the client kept up. Every client-side delay is held against one tolerance: 1 ms, or 5 %
 * of the median TTFT (of the median request latency without streaming) when that is larger, so a
 * delay is only called a distortion when it is large next to what was measured. CPU use counts when the
 * process used 90 % of every processor on average; GC when its longest pause exceeds the tolerance or
 * all pauses took more than 1 % of the run.
 */
final class ClientVerdict {

    static final double MIN_TOLERANCE_MS = 1.0;
    static final double TOLERANCE_FRACTION = 0.05;
    static final double CPU_SATURATED = 0.90;
    static final double GC_SHARE_OF_RUN = 0.01;

    private ClientVerdict() {
    }

    private record Problem(double severity, String text) {
    }

    /**
     * @param medianLatencyMs median TTFT (or request latency) of the run in ms, or null
     * @param connectionLimit the transport's connection limit, or null when unknown
     * @param concurrency     the run's concurrency, or null
     */
    static ClientHealth assess(List<MetricResult> timings, ClientLoadMonitor.ClientLoad load, Double medianLatencyMs,
                               Integer connectionLimit, Integer concurrency) {
        double tolerance = Math.max(MIN_TOLERANCE_MS,
                medianLatencyMs == null ? 0 : TOLERANCE_FRACTION * medianLatencyMs);
        List<Problem> problems = new ArrayList<>();
        Double sendLag = p99(timings, "send_lag");
        Double queueWait = p99(timings, "queue_wait");
        if (queueWait != null && queueWait > tolerance) {
            boolean tooFewConnections = connectionLimit != null && concurrency != null && connectionLimit < concurrency;
            problems.add(new Problem(queueWait / tolerance, "requests queued in the client before going out: queue wait"
                    + " p99 " + ms(queueWait) + (tooFewConnections ? " (" + concurrency + " concurrent requests share "
                    + connectionLimit + " connections per server: AIPERF_HTTP_CONNECTION_LIMIT)" : "")));
        } else if (sendLag != null && sendLag > tolerance) {
            problems.add(new Problem(sendLag / tolerance, "requests left later than scheduled: send lag p99 "
                    + ms(sendLag)));
        }
        Double receiveDelay = p99(timings, "chunk_receive_delay");
        if (receiveDelay != null && receiveDelay > tolerance) {
            problems.add(new Problem(receiveDelay / tolerance, "responses were stamped late: chunk receive delay p99 "
                    + ms(receiveDelay) + " after the server sent them"));
        }
        if (load.ioLagP99Ms() != null && load.ioLagP99Ms() > tolerance) {
            problems.add(new Problem(load.ioLagP99Ms() / tolerance, "the I/O threads were busy: work waited "
                    + ms(load.ioLagP99Ms()) + " (p99) to run, so arrivals were stamped late"));
        }
        if (load.cpuLoadAvg() != null && load.cpuLoadAvg() >= CPU_SATURATED) {
            problems.add(new Problem(load.cpuLoadAvg() / CPU_SATURATED, "the client's CPU was saturated: "
                    + percent(load.cpuLoadAvg()) + " of " + load.processors() + " processors on average"));
        }
        double gcShare = load.seconds() <= 0 ? 0 : load.gcPauseTotalMs() / (load.seconds() * 1000);
        if (load.gcPauseMaxMs() > tolerance || gcShare > GC_SHARE_OF_RUN) {
            problems.add(new Problem(Math.max(load.gcPauseMaxMs() / tolerance, gcShare / GC_SHARE_OF_RUN),
                    "GC paused the client " + load.gcPauses() + " times for " + ms(load.gcPauseTotalMs())
                            + " (longest " + ms(load.gcPauseMaxMs()) + ")"));
        }
        problems.sort(Comparator.comparingDouble(Problem::severity).reversed());
        List<String> texts = problems.stream().map(Problem::text).toList();
        String verdict = texts.isEmpty() ? keptUpLine(sendLag, load)
                : "WARNING: the client distorted these results: " + texts.getFirst()
                        + (texts.size() > 1 ? " (and " + (texts.size() - 1) + " more: see client_health in the JSON)" : "");
        return new ClientHealth(texts.isEmpty(), verdict, texts, tolerance, timings, load.ioLagP99Ms(),
                load.ioLagMaxMs(), load.cpuLoadAvg(), load.cpuLoadMax(), load.processors(), load.gcPauses(),
                load.gcPauseTotalMs(), load.gcPauseMaxMs(), connectionLimit);
    }

    private static String keptUpLine(Double sendLag, ClientLoadMonitor.ClientLoad load) {
        StringBuilder line = new StringBuilder("Client kept up:");
        List<String> parts = new ArrayList<>();
        if (sendLag != null) {
            parts.add("send lag p99 " + ms(sendLag));
        }
        if (load.ioLagP99Ms() != null) {
            parts.add("I/O thread lag p99 " + ms(load.ioLagP99Ms()));
        }
        if (load.cpuLoadAvg() != null) {
            parts.add("CPU " + percent(load.cpuLoadAvg()) + " of " + load.processors() + " processors");
        }
        parts.add(load.gcPauses() + " GC pauses (longest " + ms(load.gcPauseMaxMs()) + ")");
        return line.append(' ').append(String.join(", ", parts)).toString();
    }

    /**
     * One console line on whether requests left when they were meant to: send lag (actual minus intended
     * send time) p50, p99 and max over the profiling requests, or null when none was measured.
     */
    static String sendLagLine(ClientHealth health) {
        Optional<MetricResult> lag = health.timings().stream().filter(t -> t.tag().equals("send_lag")).findFirst();
        if (lag.isEmpty() || lag.get().get(Statistic.P50) == null) {
            return null;
        }
        MetricResult r = lag.get();
        return "Send lag (actual minus scheduled send time): p50 " + ms(r.get(Statistic.P50)) + ", p99 "
                + ms(r.get(Statistic.P99)) + ", max " + ms(r.get(Statistic.MAX)) + " over " + r.count() + " requests";
    }

    private static Double p99(List<MetricResult> timings, String tag) {
        Optional<MetricResult> result = timings.stream().filter(t -> t.tag().equals(tag)).findFirst();
        return result.map(r -> r.get(Statistic.P99)).orElse(null);
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f ms" : "%.2f ms", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
