package dev.aiperf.slo;

import dev.aiperf.metrics.MetricCatalog;
import dev.aiperf.plugin.NameSuggestions;
import dev.aiperf.summary.RunSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service-level objective a run must meet, like a k6 threshold or a Gatling assertion:
 * {@code time_to_first_token.p99 < 200} means the run's TTFT p99, in the unit of its export (ms),
 * must stay below 200. Without a statistic the gate reads {@code avg}, which is the value of a
 * scalar metric such as {@code request_throughput}.
 *
 * @param metric    metric tag as in the exports, or {@code error_rate}
 * @param statistic statistic key as in the exports ({@code avg}, {@code p99}, {@code max}, ...)
 * @param operator  how the value must compare with the threshold
 * @param threshold the bound, in the metric's export unit
 */
public record SloGate(String metric, String statistic, SloOperator operator, double threshold) {
    /** Statistic keys a gate may name (every statistic the summary JSON writes). */
    public static final List<String> STATISTICS = List.of("avg", "min", "max", "sum", "std", "p1", "p5", "p10",
            "p25", "p50", "p75", "p90", "p95", "p99");

    private static final Pattern EXPRESSION = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z0-9_]+))?\\s*(<=|>=|<|>)\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*");

    /**
     * Parses {@code METRIC[.STAT] OP NUMBER}, OP one of {@code < <= > >=}.
     *
     * @throws IllegalArgumentException with the expression, what is wrong and an example
     */
    public static SloGate parse(String expression) {
        Matcher m = EXPRESSION.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid SLO '" + expression + "': expected METRIC[.STAT] OP NUMBER"
                    + " with OP one of < <= > >=, e.g. 'time_to_first_token.p99<200' or 'error_rate<0.01'");
        }
        String statistic = m.group(2) == null ? "avg" : m.group(2).toLowerCase(Locale.ROOT);
        if (!STATISTICS.contains(statistic)) {
            throw new IllegalArgumentException("invalid SLO '" + expression + "': unknown statistic '" + m.group(2)
                    + "'; valid: " + String.join(", ", STATISTICS));
        }
        SloOperator operator = switch (m.group(3)) {
            case "<" -> SloOperator.LESS;
            case "<=" -> SloOperator.LESS_OR_EQUAL;
            case ">" -> SloOperator.GREATER;
            default -> SloOperator.GREATER_OR_EQUAL;
        };
        String metric = m.group(1);
        List<String> known = knownMetrics();
        if (!known.contains(metric)) {
            throw new IllegalArgumentException("invalid SLO '" + expression + "': unknown metric '" + metric + "'"
                    + NameSuggestions.didYouMean(metric, known, NameSuggestions.Phrasing.CLAUSE)
                    + " (metric tags are the keys of profile_export_aiperf.json, plus error_rate)");
        }
        return new SloGate(metric, statistic, operator, Double.parseDouble(m.group(4)));
    }

    /** Every metric tag a gate may name: the metric catalogue's and {@code error_rate}. */
    private static List<String> knownMetrics() {
        List<String> tags = new ArrayList<>();
        MetricCatalog.definitions().forEach(d -> tags.add(d.tag()));
        tags.add(RunSummary.ERROR_RATE);
        return tags;
    }

    /** The gate as a user writes it, e.g. {@code time_to_first_token.p99 < 200}. */
    public String text() {
        String number = threshold == Math.rint(threshold) && Math.abs(threshold) < 1e15
                ? Long.toString((long) threshold) : Double.toString(threshold);
        return metric + "." + statistic + " " + operator.symbol() + " " + number;
    }
}
