package dev.aiperf.study;

/**
 * What an SLA search optimises among the values that meet the SLAs ({@code --search-metric},
 * {@code --search-stat}, {@code --search-direction}, upstream §3.12): it picks the {@code best} probe or cell and is
 * each probe's {@code objective_value} in {@code search_history.json}.
 *
 * @param metric    metric tag, e.g. {@code output_token_throughput}
 * @param stat      statistic, e.g. {@code avg}
 * @param maximize  true to maximise, false to minimise
 */
public record SearchObjective(String metric, String stat, boolean maximize) {
    /** The objective when none is given: the request throughput, maximised. */
    public static final SearchObjective DEFAULT = new SearchObjective("request_throughput", "avg", true);

    /** {@code <metric>_<stat>}, the key of run summaries and aggregates. */
    public String key() {
        return metric + "_" + stat;
    }

    /** {@code maximize} or {@code minimize}, as upstream writes the direction. */
    public String direction() {
        return maximize ? "maximize" : "minimize";
    }

    /** Whether {@code a} is better than {@code b}. */
    public boolean better(double a, double b) {
        return maximize ? a > b : a < b;
    }

    /** {@code request throughput avg (maximize)}. */
    public String describe() {
        return metric + " " + stat + " (" + direction() + ")";
    }
}
