package dev.aiperf.api.record;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A metric's run-level result. Per-request metrics carry every {@link Statistic}; aggregate and
 * derived metrics are scalars with only {@link Statistic#AVG} (and {@code count} 1).
 *
 * @param tag          metric tag, e.g. {@code time_to_first_token}
 * @param header       display name, e.g. {@code Time to First Token}
 * @param unit         unit of the statistics, e.g. {@code ms}
 * @param flags        the metric's flags
 * @param displayOrder console row order (lower first), or null to sort last
 * @param statistics   the statistics that exist; a missing key means "not applicable"
 * @param count        number of values behind the statistics (1 for scalars)
 */
public record MetricResult(String tag, String header, String unit, Set<MetricFlag> flags, Integer displayOrder,
                           Map<Statistic, Double> statistics, long count) {
    public MetricResult {
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        statistics = statistics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(statistics));
    }

    /** A scalar result: only {@code avg}, count 1. */
    public static MetricResult scalar(String tag, String header, String unit, Set<MetricFlag> flags,
                                      Integer displayOrder, double value) {
        return new MetricResult(tag, header, unit, flags, displayOrder, Map.of(Statistic.AVG, value), 1);
    }

    /** The statistic's value, or null when it does not apply. */
    public Double get(Statistic statistic) {
        return statistics.get(statistic);
    }

    public Double avg() {
        return statistics.get(Statistic.AVG);
    }

    public boolean hasFlag(MetricFlag flag) {
        return flags.contains(flag);
    }

    /** True for per-request metrics, whose result is a distribution with percentiles. */
    public boolean hasPercentiles() {
        return statistics.keySet().stream().anyMatch(Statistic::isPercentile);
    }

    /** This result in another unit: every statistic multiplied by {@code factor}, count unchanged. */
    public MetricResult converted(String newUnit, double factor) {
        Map<Statistic, Double> scaled = new EnumMap<>(Statistic.class);
        statistics.forEach((statistic, value) -> scaled.put(statistic, value * factor));
        return new MetricResult(tag, header, newUnit, flags, displayOrder, scaled, count);
    }
}
