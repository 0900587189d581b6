package dev.aiperf.metrics;

import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;

import java.util.List;

import static dev.aiperf.api.record.MetricFlag.INTERNAL;
import static dev.aiperf.api.record.MetricFlag.NO_CONSOLE;
import static dev.aiperf.api.record.MetricFlag.NO_INDIVIDUAL_RECORDS;
import static dev.aiperf.api.record.MetricFlag.PRODUCES_TOKENS_ONLY;
import static dev.aiperf.metrics.AggregateMetric.Aggregation.SUM;
import static dev.aiperf.metrics.MetricBuilder.metric;
import static dev.aiperf.metrics.MetricTags.*;
import static dev.aiperf.metrics.MetricUnits.PERCENT;
import static dev.aiperf.metrics.MetricUnits.REQUESTS;
import static dev.aiperf.metrics.MetricUnits.TOKENS;

/** How far the output length is from the requested {@code max_tokens} (metrics spec §2.2 "OSL mismatch"). */
final class OslMismatchMetrics {
    private static final System.Logger LOG = System.getLogger(OslMismatchMetrics.class.getName());

    private OslMismatchMetrics() {
    }

    /**
     * @param pctThreshold      AIPERF_METRICS_OSL_MISMATCH_PCT_THRESHOLD
     * @param maxTokenThreshold AIPERF_METRICS_OSL_MISMATCH_MAX_TOKEN_THRESHOLD
     */
    static List<Metric> all(double pctThreshold, long maxTokenThreshold) {
        return List.of(
                metric(REQUESTED_OSL, "Requested OSL", "Req OSL").unit(TOKENS)
                        .flags(PRODUCES_TOKENS_ONLY, NO_CONSOLE, INTERNAL).record(OslMismatchMetrics::requestedOsl),
                metric(OSL_MISMATCH_DIFF_PCT, "OSL Mismatch Diff %", "OSL Diff").unit(PERCENT)
                        .flags(PRODUCES_TOKENS_ONLY, NO_CONSOLE).requires(REQUESTED_OSL, OUTPUT_SEQUENCE_LENGTH)
                        .record(OslMismatchMetrics::diffPercent),
                metric(OSL_MISMATCH_COUNT, "OSL Mismatch Count", "OSL Mismatches").unit(REQUESTS)
                        .flags(PRODUCES_TOKENS_ONLY, NO_CONSOLE, NO_INDIVIDUAL_RECORDS)
                        .requires(OSL_MISMATCH_DIFF_PCT, REQUESTED_OSL, OUTPUT_SEQUENCE_LENGTH)
                        .aggregate(SUM, in -> isMismatch(in, pctThreshold, maxTokenThreshold) ? 1L : 0L));
    }

    /** The {@code max_tokens} sent with the request's current turn; none when it sent none. */
    static Long requestedOsl(RecordInput in) {
        RequestInfo info = in.request().requestInfo();
        if (info == null || info.turns().isEmpty()) {
            return null;
        }
        Turn turn = info.currentTurn();
        return turn.maxTokens() == null ? null : turn.maxTokens().longValue();
    }

    /** Signed: negative means the server stopped early. */
    static Double diffPercent(RecordInput in) {
        long requested = in.longValue(REQUESTED_OSL);
        if (requested == 0) {
            return null;
        }
        return (double) (in.longValue(OUTPUT_SEQUENCE_LENGTH) - requested) / requested * 100;
    }

    static boolean isMismatch(RecordInput in, double pctThreshold, long maxTokenThreshold) {
        long requested = in.longValue(REQUESTED_OSL);
        long actual = in.longValue(OUTPUT_SEQUENCE_LENGTH);
        double threshold = Math.min(requested * pctThreshold / 100, maxTokenThreshold);
        boolean mismatch = Math.abs(actual - requested) > threshold;
        if (mismatch) {
            // the original warns per request; at DEBUG here, the console panel reports the total
            LOG.log(System.Logger.Level.DEBUG, () -> "Output length " + actual + " differs from the requested "
                    + requested + " by more than " + threshold + " tokens");
        }
        return mismatch;
    }
}
