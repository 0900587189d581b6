package dev.aiperf.study;

import dev.aiperf.slo.SloGate;
import dev.aiperf.slo.SloOperator;

import java.util.Locale;
import java.util.Map;

/**
 * One SLA condition on a run's summary ({@code --search-sla tag:stat:op:threshold}, upstream §3.12), e.g.
 * {@code time_to_first_token:p95:le:200}: the p95 TTFT must be at most 200 ms (thresholds are in the
 * metric's display unit). The fraction of requests meeting every {@code --goodput} SLO is checked as the
 * pseudo-metric {@link #GOOD_REQUEST_FRACTION} ({@code good_request_count / request_count}).
 *
 * @param tag       metric tag, e.g. {@code time_to_first_token}
 * @param stat      statistic, e.g. {@code p95} or {@code avg}
 * @param op        {@code lt}, {@code le}, {@code gt} or {@code ge}
 * @param threshold the bound
 */
public record SlaFilter(String tag, String stat, String op, double threshold) {
    /** Share of requests meeting every goodput SLO, as upstream's {@code good_request_fraction}. */
    public static final String GOOD_REQUEST_FRACTION = "good_request_fraction";
    /** Percentage of requests that failed, as upstream's {@code request_error_rate} ({@code --error-rate-sla}). */
    public static final String REQUEST_ERROR_RATE = "request_error_rate";
    /** The upstream operator names and the {@code --slo} operators they are. */
    private static final Map<String, SloOperator> OPERATORS = Map.of("lt", SloOperator.LESS,
            "le", SloOperator.LESS_OR_EQUAL, "gt", SloOperator.GREATER, "ge", SloOperator.GREATER_OR_EQUAL);

    public SlaFilter {
        if (!OPERATORS.containsKey(op)) {
            throw new IllegalArgumentException("SLA operator must be one of lt, le, gt, ge; got '" + op + "'");
        }
    }

    /** The filter of an SLO gate ({@code --slo time_to_first_token.p99<200}): gates define a search's SLA too. */
    public static SlaFilter of(SloGate gate) {
        String op = OPERATORS.entrySet().stream().filter(e -> e.getValue() == gate.operator()).findFirst()
                .orElseThrow().getKey();
        return new SlaFilter(gate.metric(), gate.statistic(), op, gate.threshold());
    }

    /**
     * Parses {@code tag:stat:op:threshold}; the tag and statistic are checked as {@code --slo} checks them (known
     * metric tags, with a did-you-mean).
     */
    public static SlaFilter parse(String text) {
        String[] parts = text.strip().split(":");
        if (parts.length != 4) {
            throw new IllegalArgumentException("--search-sla '" + text + "' must be tag:stat:op:threshold, e.g."
                    + " time_to_first_token:p95:le:200");
        }
        double threshold;
        try {
            threshold = Double.parseDouble(parts[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--search-sla '" + text + "': threshold '" + parts[3]
                    + "' is not a number");
        }
        SlaFilter filter = new SlaFilter(parts[0].strip(), parts[1].strip().toLowerCase(Locale.ROOT),
                parts[2].strip().toLowerCase(Locale.ROOT), threshold);
        try {
            SloGate.parse(filter.tag() + "." + filter.stat() + "<" + parts[3].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--search-sla '" + text + "': "
                    + e.getMessage().replaceFirst("^invalid SLO '[^']*': ", ""));
        }
        return filter;
    }

    /** The measured value this filter looks at, or null when the run did not measure it. */
    public Double observed(RunSummary summary) {
        boolean percent = tag.equals(REQUEST_ERROR_RATE);
        if (percent || tag.equals(dev.aiperf.summary.RunSummary.ERROR_RATE)) {
            double ok = summary.value("request_count", "avg") == null ? 0 : summary.value("request_count", "avg");
            Double failedCount = summary.value("error_request_count", "avg");
            double failed = failedCount == null ? 0 : failedCount;
            return ok + failed == 0 ? null : (percent ? 100 : 1) * failed / (ok + failed);
        }
        if (tag.equals(GOOD_REQUEST_FRACTION)) {
            Double good = summary.value("good_request_count", "avg");
            Double all = summary.value("request_count", "avg");
            return all == null || all <= 0 ? null : (good == null ? 0.0 : good) / all;
        }
        return summary.value(tag, stat);
    }

    /** Whether the value holds; a value the run did not measure does not. */
    public boolean holds(Double value) {
        return value != null && OPERATORS.get(op).holds(value, threshold);
    }

    /** {@code time_to_first_token p95 <= 200.0}. */
    public String describe() {
        return (tag.equals(GOOD_REQUEST_FRACTION) ? tag : tag + " " + stat) + " " + OPERATORS.get(op).symbol() + " "
                + dev.aiperf.export.PythonNumbers.general(threshold);
    }
}
