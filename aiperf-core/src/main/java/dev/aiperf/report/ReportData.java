package dev.aiperf.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.artifacts.Histogram;
import dev.aiperf.artifacts.ParetoFront;
import dev.aiperf.artifacts.Percentiles;
import dev.aiperf.artifacts.RequestSample;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.artifacts.TimeWindows;
import dev.aiperf.metrics.MetricCatalog;
import dev.aiperf.metrics.MetricDefinition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a report shows, as one JSON-ready tree: for each run its metrics table, configuration (redacted),
 * plugins, warnings, server metrics and the series of its charts; for several runs their comparison. The
 * page's script only draws it; every number is computed here, by the same code as the PNG plots.
 */
final class ReportData {
    /** Scatter charts keep at most this many points per metric (an even sample), so a long run's page stays light. */
    static final int MAX_SCATTER_POINTS = 4000;
    /** Summary keys that are not metrics. */
    private static final Set<String> NOT_METRICS = Set.of("input_config", "client_health", "error_summary",
            "telemetry_data", "run_info", "warmup_metrics");
    private static final List<String> STATISTICS = List.of("avg", "min", "max", "p1", "p5", "p10", "p25", "p50",
            "p75", "p90", "p95", "p99", "std");
    private static final Map<String, Function<RequestSample, Double>> LATENCIES = latencies();

    private ReportData() {
    }

    private static Map<String, Function<RequestSample, Double>> latencies() {
        Map<String, Function<RequestSample, Double>> map = new LinkedHashMap<>();
        map.put("time_to_first_token", RequestSample::ttftMs);
        map.put("inter_token_latency", RequestSample::itlMs);
        map.put("request_latency", RequestSample::latencyMs);
        return map;
    }

    static Map<String, Object> of(List<RunArtifacts> runs, String title, String generatedAt, String aiperfVersion,
                                  String theme) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", title);
        data.put("theme", theme);
        data.put("generated_at", generatedAt);
        data.put("aiperf_version", aiperfVersion);
        data.put("runs", runs.stream().map(ReportData::run).toList());
        data.put("comparison", runs.size() >= 2 ? comparison(runs) : null);
        return data;
    }

    private static Map<String, Object> run(RunArtifacts run) {
        JsonNode summary = run.summary();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", run.label());
        json.put("dir", run.dir().toString());
        json.put("benchmark_id", summary.path("benchmark_id").asText(null));
        json.put("aiperf_version", summary.path("aiperf_version").asText(null));
        json.put("start_time", summary.path("start_time").asText(null));
        json.put("end_time", summary.path("end_time").asText(null));
        json.put("was_cancelled", summary.path("was_cancelled").asBoolean(false));
        json.put("metrics", metrics(summary));
        JsonNode config = ConfigRedaction.redact(summary.get("input_config"));
        json.put("config", config);
        json.put("cli_command", config == null ? null : config.path("cli_command").asText(null));
        json.put("plugins", plugins(run.pluginsUsed()));
        json.put("warnings", warnings(run));
        json.put("errors", summary.path("error_summary"));
        json.put("client_health", clientHealth(summary.path("client_health")));
        json.put("request_count", run.requests().size());
        json.put("charts", charts(run));
        json.put("server_metrics", ServerMetricsTable.of(run.serverMetrics()));
        return json;
    }

    /** Every metric block of the summary ({@code unit} plus statistics), in the file's order. */
    private static List<Map<String, Object>> metrics(JsonNode summary) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = summary.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode block = field.getValue();
            if (NOT_METRICS.contains(field.getKey()) || !block.isObject() || !block.has("unit")) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tag", field.getKey());
            row.put("header", MetricCatalog.definition(field.getKey()).map(MetricDefinition::header)
                    .orElseGet(() -> headerOf(field.getKey())));
            row.put("unit", block.path("unit").asText(""));
            for (String stat : STATISTICS) {
                JsonNode value = block.get(stat);
                row.put(stat, value != null && value.isNumber() ? value.doubleValue() : null);
            }
            rows.add(row);
        }
        return rows;
    }

    /** {@code some_metric_name} as {@code Some Metric Name}, for metrics this version does not know. */
    static String headerOf(String tag) {
        StringBuilder header = new StringBuilder();
        for (String word : tag.split("_")) {
            if (!word.isEmpty()) {
                header.append(header.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return header.toString();
    }

    private static List<Map<String, Object>> plugins(JsonNode pluginsUsed) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (pluginsUsed == null) {
            return rows;
        }
        for (JsonNode plugin : pluginsUsed.path("plugins")) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String field : List.of("category", "name", "package", "version", "class", "priority", "builtin",
                    "overrides_builtin", "jar", "jar_sha256")) {
                JsonNode value = plugin.get(field);
                row.put(field, value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value);
            }
            rows.add(row);
        }
        return rows;
    }

    /** What a reader must know before trusting the figures: the client's own health, cancellation, errors. */
    private static List<String> warnings(RunArtifacts run) {
        JsonNode summary = run.summary();
        List<String> warnings = new ArrayList<>();
        JsonNode health = summary.path("client_health");
        if (health.isObject() && !health.path("kept_up").asBoolean(true)) {
            health.path("problems").forEach(p -> warnings.add("Client health: " + p.asText()));
            if (warnings.isEmpty()) {
                warnings.add("Client health: " + health.path("verdict").asText());
            }
        }
        if (summary.path("was_cancelled").asBoolean(false)) {
            warnings.add("The run was cancelled: results cover the requests that completed before it stopped.");
        }
        long errors = 0;
        for (JsonNode error : summary.path("error_summary")) {
            errors += error.path("count").asLong();
        }
        if (errors > 0) {
            warnings.add(errors + " request" + (errors == 1 ? "" : "s") + " failed (see Errors).");
        }
        if (run.requests().isEmpty()) {
            warnings.add("No per-request records (profile_export.jsonl): the charts need --export-level records.");
        }
        return warnings;
    }

    private static Map<String, Object> clientHealth(JsonNode health) {
        if (!health.isObject()) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kept_up", health.path("kept_up").asBoolean(true));
        json.put("verdict", health.path("verdict").asText(""));
        return json;
    }

    private static Map<String, Object> charts(RunArtifacts run) {
        Map<String, Object> charts = new LinkedHashMap<>();
        List<RequestSample> ok = run.requests().stream().filter(r -> !r.failed()).toList();
        long zero = run.startNs();
        Map<String, Object> histograms = new LinkedHashMap<>();
        Map<String, Object> scatter = new LinkedHashMap<>();
        Map<String, Object> percentiles = new LinkedHashMap<>();
        TimeWindows windows = TimeWindows.of(run);
        for (Map.Entry<String, Function<RequestSample, Double>> latency : LATENCIES.entrySet()) {
            double[] sorted = valuesOf(ok, latency.getValue());
            if (sorted.length == 0) {
                continue;
            }
            Arrays.sort(sorted);
            Histogram histogram = Histogram.ofSorted(sorted);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("edges", histogram.edges());
            h.put("counts", histogram.counts());
            h.put("p50", Percentiles.ofSorted(sorted, 50));
            h.put("p99", Percentiles.ofSorted(sorted, 99));
            histograms.put(latency.getKey(), h);
            List<double[]> points = new ArrayList<>();
            for (RequestSample r : ok) {
                Double value = latency.getValue().apply(r);
                if (value != null) {
                    points.add(new double[] {round3((r.startNs() - zero) / 1e9), value});
                }
            }
            scatter.put(latency.getKey(), sample(points));
            percentiles.put(latency.getKey(), TimeWindows.percentiles(run, windows.widthSeconds(), latency.getValue())
                    .stream().map(w -> new double[] {round3(w.startSeconds() + windows.widthSeconds() / 2), w.p50(),
                        w.p95(), w.p99()}).toList());
        }
        charts.put("histograms", histograms);
        charts.put("scatter", scatter);
        charts.put("scatter_sampled", ok.size() > MAX_SCATTER_POINTS);
        charts.put("window_seconds", windows.widthSeconds());
        charts.put("window_percentiles", percentiles);
        if (!run.requests().isEmpty()) {
            Map<String, Object> throughput = new LinkedHashMap<>();
            throughput.put("t", windows.windows().stream().mapToDouble(w -> round3(w.startSeconds())).toArray());
            throughput.put("tokens_per_second", windows.windows().stream().mapToDouble(TimeWindows.Window::tokensPerSecond)
                    .toArray());
            throughput.put("requests_per_second", windows.windows().stream()
                    .mapToDouble(TimeWindows.Window::requestsPerSecond).toArray());
            throughput.put("errors", windows.windows().stream().mapToLong(TimeWindows.Window::errors).toArray());
            charts.put("throughput", throughput);
        }
        return charts;
    }

    /** The requests' values of a metric, in their order, leaving out those without one. */
    private static double[] valuesOf(List<RequestSample> requests, Function<RequestSample, Double> metric) {
        double[] values = new double[requests.size()];
        int n = 0;
        for (RequestSample request : requests) {
            Double value = metric.apply(request);
            if (value != null) {
                values[n++] = value;
            }
        }
        return Arrays.copyOf(values, n);
    }

    /** At most {@link #MAX_SCATTER_POINTS}, evenly spaced through the run. */
    private static List<double[]> sample(List<double[]> points) {
        if (points.size() <= MAX_SCATTER_POINTS) {
            return points;
        }
        List<double[]> sampled = new ArrayList<>(MAX_SCATTER_POINTS);
        double step = points.size() / (double) MAX_SCATTER_POINTS;
        for (int i = 0; i < MAX_SCATTER_POINTS; i++) {
            sampled.add(points.get((int) (i * step)));
        }
        return sampled;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static Map<String, Object> comparison(List<RunArtifacts> runs) {
        String throughputTag = ParetoFront.throughputTag(runs);
        List<ParetoFront.Point> points = ParetoFront.points(runs, throughputTag);
        List<ParetoFront.Point> front = ParetoFront.of(points);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("throughput_tag", throughputTag);
        json.put("points", points.stream().map(p -> Map.of("label", p.label(), "latency", p.latency(),
                "throughput", p.throughput(), "on_front", front.contains(p))).toList());
        json.put("front", front.stream().map(p -> new double[] {p.latency(), p.throughput()}).toList());
        List<Map<String, Object>> table = new ArrayList<>();
        for (RunArtifacts run : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", run.label());
            row.put("concurrency", run.loadSetting("concurrency"));
            row.put("request_rate", run.loadSetting("request_rate"));
            for (String tag : List.of("request_throughput", "output_token_throughput")) {
                row.put(tag, run.stat(tag, "avg"));
            }
            for (String tag : LATENCIES.keySet()) {
                row.put(tag + "_p50", run.stat(tag, "p50"));
                row.put(tag + "_p99", run.stat(tag, "p99"));
            }
            table.add(row);
        }
        json.put("table", table);
        return json;
    }
}
