package dev.aiperf.engine;

import dev.aiperf.api.export.ErrorCount;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.metrics.MetricTags;
import dev.aiperf.records.ErrorSummary;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency percentiles of the records committed so far, for a live view. The committer records each
 * value into an HdrHistogram {@link SingleWriterRecorder} (wait-free for the writer, no lock with the
 * reader); the progress thread folds the recorders' intervals into its own cumulative histograms on each
 * {@link #snapshot}. Values are kept in microseconds with 3 significant digits: enough for a
 * display, and the exported statistics come from the exact values, not from here.
 *
 * <p>Single-writer, not the multi-writer {@code Recorder}: records are committed one at a time (under the
 * pipeline's commit lock, whichever worker holds it), so nothing needs atomic counts. The multi-writer
 * recorder's {@code ConcurrentHistogram} made every value several atomic updates on the committer, and made
 * the progress thread take a reader lock for each of the ~10,000 buckets it folds, three histograms ten
 * times a second: most of that thread's CPU (bench/README.md, "JIT and the other threads").
 */
final class LiveMetricsTracker {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Latency ttft = new Latency();
    private final Latency itl = new Latency();
    private final Latency latency = new Latency();
    private volatile long outputTokens;

    /** Committer only: one call at a time (the caller's lock orders calls made from different threads). */
    void add(MetricRecord record) {
        if (record.isError()) {
            return;
        }
        Map<String, Object> values = record.values();
        ttft.record(values.get(MetricTags.TIME_TO_FIRST_TOKEN));
        itl.record(values.get(MetricTags.INTER_TOKEN_LATENCY));
        latency.record(values.get(MetricTags.REQUEST_LATENCY));
        if (values.get(MetricTags.OUTPUT_SEQUENCE_LENGTH) instanceof Number n) {
            outputTokens = outputTokens + n.longValue(); // single writer
        }
    }

    /** Progress thread only. */
    LiveMetrics snapshot(ErrorSummary errors) {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (ErrorCount count : errors.toList()) {
            String type = count.details().type() != null ? count.details().type()
                    : count.details().code() != null ? "HTTP " + count.details().code() : "error";
            byType.merge(type, count.count(), Long::sum);
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(byType.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        return new LiveMetrics(ttft.percentiles(), itl.percentiles(), latency.percentiles(), outputTokens,
                sorted.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    /** One latency: a recorder the committer writes, a cumulative histogram the progress thread reads. */
    private static final class Latency {
        private final SingleWriterRecorder recorder = new SingleWriterRecorder(SIGNIFICANT_DIGITS);
        private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
        private Histogram interval;

        void record(Object nanos) {
            if (nanos instanceof Number n && n.doubleValue() >= 0) {
                recorder.recordValue(Math.round(n.doubleValue() / 1_000));
            }
        }

        LiveMetrics.Percentiles percentiles() {
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            if (total.getTotalCount() == 0) {
                return null;
            }
            return new LiveMetrics.Percentiles(ms(total.getValueAtPercentile(50)), ms(total.getValueAtPercentile(90)),
                    ms(total.getValueAtPercentile(99)), ms(total.getMaxValue()), total.getTotalCount());
        }

        private static double ms(long micros) {
            return micros / 1_000.0;
        }
    }
}
