package dev.aiperf.api.record;

/** One statistic of a metric's run-level result, named as in the exports ({@code avg}, {@code p99}, ...). */
public enum Statistic {
    AVG("avg", -1),
    MIN("min", -1),
    MAX("max", -1),
    SUM("sum", -1),
    P1("p1", 1),
    P5("p5", 5),
    P10("p10", 10),
    P25("p25", 25),
    P50("p50", 50),
    P75("p75", 75),
    P90("p90", 90),
    P95("p95", 95),
    P99("p99", 99),
    STD("std", -1);

    private final String key;
    private final int percentile;

    Statistic(String key, int percentile) {
        this.key = key;
        this.percentile = percentile;
    }

    /** The name used as a JSON key and CSV header, e.g. {@code p99}. */
    public String key() {
        return key;
    }

    public boolean isPercentile() {
        return percentile > 0;
    }

    /** The percentile rank (1..99); only for percentiles. */
    public int percentile() {
        if (percentile < 0) {
            throw new IllegalStateException(key + " is not a percentile");
        }
        return percentile;
    }
}
