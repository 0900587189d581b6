package dev.aiperf.export;

import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON object of one metric result (summary schema 1.5): {@code unit}, the statistics that exist,
 * then {@code count} and {@code sum} for per-request metrics only (schema 1.1); scalars (aggregate and
 * derived metrics) keep just {@code unit} and {@code avg}.
 */
final class MetricJson {
    static final List<Statistic> ORDER = List.of(Statistic.AVG, Statistic.P1, Statistic.P5, Statistic.P10,
            Statistic.P25, Statistic.P50, Statistic.P75, Statistic.P90, Statistic.P95, Statistic.P99, Statistic.MIN,
            Statistic.MAX, Statistic.STD);

    private MetricJson() {
    }

    static Map<String, Object> of(MetricResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unit", result.unit());
        for (Statistic statistic : ORDER) {
            json.put(statistic.key(), result.get(statistic));
        }
        if (result.hasPercentiles()) {
            json.put("count", result.count());
            json.put("sum", result.get(Statistic.SUM));
        }
        return json;
    }
}
