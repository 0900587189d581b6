package dev.aiperf.export;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.export.DataExporter;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.telemetry.ServerMetric;
import dev.aiperf.api.telemetry.ServerMetricSeries;
import dev.aiperf.api.telemetry.ServerMetricTimeslice;
import dev.aiperf.api.telemetry.ServerMetricsEndpointInfo;
import dev.aiperf.api.telemetry.ServerMetricsResults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code server_metrics_export.json} (spec §6.3): {@code schema_version}, {@code aiperf_version},
 * {@code benchmark_id}, {@code summary} (endpoints and how scraping went), {@code metrics} keyed by name (type,
 * description, unit, one series per endpoint and label set with its statistics and, with {@code --slice-duration},
 * its {@code timeslices}) and {@code input_config}.
 * Written only when some endpoint answered.
 */
public final class ServerMetricsJsonExporter implements DataExporter {
    public static final String FILE = "server_metrics_export.json";
    static final String SCHEMA_VERSION = "1.0";

    private final BenchmarkConfig config;
    private final Path file;
    private final ZoneId zone;
    private boolean written;

    public ServerMetricsJsonExporter(ExporterContext context) {
        this(context.config(), ZoneId.systemDefault());
    }

    public ServerMetricsJsonExporter(BenchmarkConfig config, ZoneId zone) {
        this.config = config;
        this.file = config.output().artifactDir().resolve(FILE);
        this.zone = zone;
    }

    @Override
    public void export(ExportContext context) throws IOException {
        ServerMetricsResults results = context.serverMetrics();
        if (results == null || results.endpointsSuccessful().isEmpty()
                || !config.telemetry().serverMetricsFormats().contains("json")) {
            return;
        }
        AtomicFile.writeString(file, JsonText.pretty(document(context, results)));
        written = true;
    }

    /** Null when nothing was written (no server answered, or {@code json} was not among the formats). */
    @Override
    public ExportInfo getExportInfo() {
        return written ? new ExportInfo("Server Metrics JSON Export", file) : null;
    }

    Map<String, Object> document(ExportContext context, ServerMetricsResults results) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema_version", SCHEMA_VERSION);
        json.put("aiperf_version", context.aiperfVersion());
        json.put("benchmark_id", context.benchmarkId());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("endpoints_configured", results.endpointsConfigured());
        summary.put("endpoints_successful", results.endpointsSuccessful());
        summary.put("start_time", NaiveLocalTime.format(results.startNs(), zone));
        summary.put("end_time", NaiveLocalTime.format(results.endNs(), zone));
        Map<String, Object> info = new LinkedHashMap<>();
        results.endpointInfo().forEach((url, i) -> info.put(url, endpointInfo(i)));
        summary.put("endpoint_info", info.isEmpty() ? null : info);
        json.put("summary", summary);
        Map<String, Object> metrics = new LinkedHashMap<>();
        results.metrics().forEach((name, metric) -> metrics.put(name, metric(metric)));
        json.put("metrics", metrics);
        json.put("input_config", InputConfigJson.of(context.config(), context.benchmarkId()));
        return json;
    }

    private static Map<String, Object> endpointInfo(ServerMetricsEndpointInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_fetches", info.totalFetches());
        json.put("first_fetch_ns", info.firstFetchNs());
        json.put("last_fetch_ns", info.lastFetchNs());
        json.put("avg_fetch_latency_ms", info.avgFetchLatencyMs());
        json.put("unique_updates", info.uniqueUpdates());
        json.put("first_update_ns", info.firstUpdateNs());
        json.put("last_update_ns", info.lastUpdateNs());
        json.put("duration_seconds", info.durationSeconds());
        json.put("avg_update_interval_ms", info.avgUpdateIntervalMs());
        json.put("median_update_interval_ms", info.medianUpdateIntervalMs());
        return json;
    }

    private static Map<String, Object> metric(ServerMetric metric) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", metric.type());
        json.put("description", metric.description());
        json.put("unit", metric.unit());
        List<Object> series = new ArrayList<>();
        for (ServerMetricSeries s : metric.series()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("endpoint_url", s.endpointUrl());
            item.put("labels", s.labels().isEmpty() ? null : s.labels());
            item.put("stats", finite(s.stats()));
            if (metric.type().equals("histogram")) {
                item.put("buckets", s.buckets());
            }
            if (!s.timeslices().isEmpty()) {
                item.put("timeslices", s.timeslices().stream().map(ServerMetricsJsonExporter::timeslice).toList());
            }
            series.add(item);
        }
        json.put("series", series);
        return json;
    }

    /** One window: {@code start_ns, end_ns}, {@code is_complete: false} only when cut short, the values, buckets. */
    private static Map<String, Object> timeslice(ServerMetricTimeslice slice) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("start_ns", slice.startNs());
        json.put("end_ns", slice.endNs());
        if (!slice.complete()) {
            json.put("is_complete", false);
        }
        json.putAll(finite(slice.values()));
        if (!slice.buckets().isEmpty()) {
            json.put("buckets", slice.buckets());
        }
        return json;
    }

    /** Statistics without NaN or infinities, which JSON cannot hold (the original omits them). */
    private static Map<String, Object> finite(Map<String, Number> stats) {
        Map<String, Object> json = new LinkedHashMap<>();
        stats.forEach((key, value) -> {
            if (!(value instanceof Double d) || Double.isFinite(d)) {
                json.put(key, value);
            }
        });
        return json;
    }
}
