package dev.aiperf.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The server's Prometheus metrics of a run ({@code server_metrics_export.json}, upstream spec §6.3) as
 * table rows: one per series, with the statistics that fit its type (gauge: avg, p50, p99, max; counter:
 * total and rate; histogram: count, avg and estimated p50/p99), plus the time slices of gauges when the
 * run was sliced.
 */
final class ServerMetricsTable {
    private ServerMetricsTable() {
    }

    /** The table, or null when the run has no server metrics. */
    static Map<String, Object> of(JsonNode export) {
        if (export == null || !export.path("metrics").isObject()) {
            return null;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> slices = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = export.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            String type = metric.getValue().path("type").asText("unknown");
            String unit = metric.getValue().path("unit").asText("");
            for (JsonNode series : metric.getValue().path("series")) {
                JsonNode stats = series.path("stats");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", metric.getKey());
                row.put("type", type);
                row.put("unit", unit);
                row.put("endpoint", series.path("endpoint_url").asText(""));
                row.put("labels", labels(series.path("labels")));
                Map<String, Object> values = new LinkedHashMap<>();
                List<String> fields = switch (type) {
                    case "counter" -> List.of("total", "rate");
                    case "histogram" -> List.of("count", "avg", "p50_estimate", "p99_estimate");
                    default -> List.of("avg", "p50", "p99", "max");
                };
                for (String field : fields) {
                    JsonNode value = stats.get(field);
                    values.put(field, value != null && value.isNumber() ? value.doubleValue() : null);
                }
                row.put("stats", values);
                rows.add(row);
                if (series.path("timeslices").isArray() && series.path("timeslices").size() > 1
                        && !"histogram".equals(type)) {
                    slices.add(slices(metric.getKey(), row.get("labels"), type, series.path("timeslices")));
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("endpoints", export.path("summary").path("endpoints_successful"));
        json.put("rows", rows);
        json.put("timeslices", slices);
        return json;
    }

    private static Map<String, Object> slices(String name, Object labels, String type, JsonNode timeslices) {
        long zero = timeslices.get(0).path("start_ns").asLong();
        List<double[]> points = new ArrayList<>();
        for (JsonNode slice : timeslices) {
            double t = (slice.path("start_ns").asLong() - zero) / 1e9;
            JsonNode value = "counter".equals(type) ? slice.path("rate") : slice.path("avg");
            if (value.isNumber()) {
                points.add(new double[] {t, value.doubleValue()});
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", labels.toString().isEmpty() ? name : name + "{" + labels + "}");
        json.put("type", type);
        json.put("points", points);
        return json;
    }

    private static String labels(JsonNode labels) {
        StringJoiner text = new StringJoiner(", ");
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            text.add(label.getKey() + "=" + label.getValue().asText());
        }
        return text.toString();
    }
}
