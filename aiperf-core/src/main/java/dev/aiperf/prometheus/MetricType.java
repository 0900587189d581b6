package dev.aiperf.prometheus;

import java.util.Locale;

/** A metric family's type as declared by {@code # TYPE}; {@link #UNKNOWN} when undeclared ("untyped"). */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM, GAUGE_HISTOGRAM, SUMMARY, INFO, STATESET, UNKNOWN;

    /** The type named on a {@code # TYPE} line; {@code untyped} and anything unknown read as {@link #UNKNOWN}. */
    static MetricType parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "counter" -> COUNTER;
            case "gauge" -> GAUGE;
            case "histogram" -> HISTOGRAM;
            case "gaugehistogram" -> GAUGE_HISTOGRAM;
            case "summary" -> SUMMARY;
            case "info" -> INFO;
            case "stateset" -> STATESET;
            default -> UNKNOWN;
        };
    }

    /** The sample-name suffixes a family of this type may use besides its bare name. */
    String[] suffixes() {
        return switch (this) {
            case COUNTER -> new String[]{"_total", "_created"};
            case HISTOGRAM -> new String[]{"_bucket", "_sum", "_count", "_created"};
            case GAUGE_HISTOGRAM -> new String[]{"_bucket", "_gsum", "_gcount"};
            case SUMMARY -> new String[]{"_sum", "_count", "_created"};
            case INFO -> new String[]{"_info"};
            default -> new String[0];
        };
    }
}
