package dev.aiperf.metrics;

import java.util.Map;

/**
 * Unit strings and conversion between them (metrics spec §3). A unit is a tag such as
 * {@code ns}, {@code KB}, {@code tokens} or a compound such as {@code tokens/sec/user}; conversion
 * multiplies by a factor, exactly as the original does, so results match it bit for bit.
 */
public final class MetricUnits {
    public static final String NANOSECONDS = "ns";
    public static final String MILLISECONDS = "ms";
    public static final String SECONDS = "sec";
    public static final String TOKENS = "tokens";
    public static final String REQUESTS = "requests";
    public static final String PERCENT = "%";
    public static final String RATIO = "ratio";
    public static final String REQUESTS_PER_SECOND = "requests/sec";
    public static final String TOKENS_PER_SECOND = "tokens/sec";
    public static final String TOKENS_PER_SECOND_PER_USER = "tokens/sec/user";

    private static final Map<String, Double> PER_SECOND = Map.of("ns", 1e9, "us", 1e6, "ms", 1e3, "sec", 1.0);
    private static final Map<String, Double> BYTES = Map.of("B", 1.0, "KB", 1024.0, "MB", 1024.0 * 1024,
            "GB", 1024.0 * 1024 * 1024, "TB", 1024.0 * 1024 * 1024 * 1024);

    private MetricUnits() {
    }

    /**
     * The factor that converts a value in {@code from} to {@code to}: {@code value * factor}.
     * Compound units convert part by part; every part after the first is a divisor, so its factor
     * is inverted.
     *
     * @throws IllegalArgumentException when the units measure different things
     */
    public static double factor(String from, String to) {
        if (from.equals(to)) {
            return 1.0;
        }
        String[] fromParts = from.split("/", -1);
        String[] toParts = to.split("/", -1);
        if (fromParts.length != toParts.length) {
            throw incompatible(from, to);
        }
        double factor = 1.0;
        for (int i = 0; i < fromParts.length; i++) {
            double part = partFactor(fromParts[i], toParts[i], from, to);
            factor = i == 0 ? factor * part : factor / part;
        }
        return factor;
    }

    /** {@code value} converted from {@code from} to {@code to}. */
    public static double convert(double value, String from, String to) {
        return from.equals(to) ? value : value * factor(from, to);
    }

    private static double partFactor(String from, String to, String wholeFrom, String wholeTo) {
        if (from.equals(to)) {
            return 1.0;
        }
        if (PER_SECOND.containsKey(from) && PER_SECOND.containsKey(to)) {
            // value in `from` units times (to per second / from per second), e.g. ns -> ms: x * (1e3 / 1e9)
            return PER_SECOND.get(to) / PER_SECOND.get(from);
        }
        if (BYTES.containsKey(from) && BYTES.containsKey(to)) {
            return BYTES.get(from) / BYTES.get(to);
        }
        throw incompatible(wholeFrom, wholeTo);
    }

    private static IllegalArgumentException incompatible(String from, String to) {
        return new IllegalArgumentException("cannot convert '" + from + "' to '" + to + "': they measure different things");
    }
}
