package dev.aiperf.export;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.export.ClientHealth;
import dev.aiperf.api.export.DataExporter;
import dev.aiperf.api.export.ErrorCount;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.record.MetricResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code profile_export_aiperf.json} at the original's summary schema 1.5 (metrics spec §5.2 for
 * the layout, upstream spec §6.2 for the 1.1 to 1.5 additions): one JSON object indented by two spaces,
 * no trailing newline, nulls omitted; a fixed list of metrics first (each with {@code count} and
 * {@code sum} when it is per-request), then {@code telemetry_data} (always), the input configuration,
 * {@code run_info}, the cancellation flag, error summary and times, {@code warmup_metrics} (when the run
 * had a warm-up), {@code runtime_submission_invalid_reasons}, then every other metric.
 */
public final class MetricsJsonExporter implements DataExporter {
    /** Metrics written right after the header fields, in this order, when present. */
    static final List<String> LEADING_METRICS = List.of("request_throughput", "request_latency", "request_count",
            "time_to_first_token", "time_to_second_token", "inter_token_latency", "output_token_throughput",
            "output_token_throughput_per_user", "output_sequence_length", "input_sequence_length", "goodput",
            "good_request_count", "output_token_count", "reasoning_token_count", "min_request_timestamp",
            "max_response_timestamp", "inter_chunk_latency", "total_output_tokens", "total_reasoning_tokens",
            "benchmark_duration", "total_isl", "total_osl", "error_request_count", "error_isl", "total_error_isl");
    static final String SCHEMA_VERSION = "1.5";

    private final BenchmarkConfig config;
    private final Path file;
    private final ZoneId zone;

    public MetricsJsonExporter(ExporterContext context) {
        this(context.config(), ZoneId.systemDefault());
    }

    /** With an explicit zone for the naive local {@code start_time}/{@code end_time}. */
    public MetricsJsonExporter(BenchmarkConfig config, ZoneId zone) {
        this.config = config;
        this.file = config.output().artifactDir().resolve(ArtifactFiles.DEFAULT.summaryJson());
        this.zone = zone;
    }

    /** Writes nothing when the run has no results at all (the engine then reports the empty run). */
    @Override
    public void export(ExportContext context) throws IOException {
        if (context.isEmpty()) {
            return;
        }
        AtomicFile.writeString(file, JsonText.pretty(document(context)));
    }

    @Override
    public ExportInfo getExportInfo() {
        return new ExportInfo("JSON Export", file);
    }

    /** The summary document of a run, as written to the file (the HTML report shows the same). */
    public Map<String, Object> document(ExportContext context) {
        Map<String, MetricResult> byTag = new LinkedHashMap<>();
        context.results().forEach(r -> byTag.put(r.tag(), r));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema_version", SCHEMA_VERSION);
        json.put("aiperf_version", context.aiperfVersion());
        json.put("benchmark_id", context.benchmarkId());
        Set<String> written = new HashSet<>();
        for (String tag : LEADING_METRICS) {
            MetricResult result = byTag.get(tag);
            if (result != null) {
                json.put(tag, MetricJson.of(result));
                written.add(tag);
            }
        }
        // Always present: without GPU telemetry it says so with no endpoint configured.
        json.put("telemetry_data", TelemetryJson.of(context, zone));
        json.put("input_config", InputConfigJson.of(config, context.benchmarkId()));
        json.put("run_info", RunInfoJson.of(config, context.benchmarkId()));
        json.put("was_cancelled", context.interrupted());
        json.put("error_summary", context.errorSummary().stream().map(MetricsJsonExporter::errorCount).toList());
        json.put("start_time", time(context.startWallNs()));
        json.put("end_time", time(context.endWallNs()));
        if (!context.warmupResults().isEmpty()) {
            Map<String, Object> warmup = new LinkedHashMap<>();
            context.warmupResults().forEach(r -> warmup.put(r.tag(), MetricJson.of(r)));
            json.put("warmup_metrics", warmup);
        }
        // Scenario submission rules are not checked here: nothing invalidates a run.
        json.put("runtime_submission_invalid_reasons", List.of());
        for (MetricResult result : context.results()) {
            if (!written.contains(result.tag())) {
                json.putIfAbsent(result.tag(), MetricJson.of(result));
            }
        }
        if (context.clientHealth() != null) {
            json.put("client_health", clientHealth(context.clientHealth()));
        }
        return json;
    }

    private String time(long wallNs) {
        return wallNs > 0 ? NaiveLocalTime.format(wallNs, zone) : null;
    }

    /** Not in the original: whether the client kept up, last so that readers of the original's keys are unaffected. */
    static Map<String, Object> clientHealth(ClientHealth health) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kept_up", health.keptUp());
        json.put("verdict", health.verdict());
        json.put("problems", health.problems());
        json.put("tolerance_ms", health.toleranceMs());
        for (MetricResult timing : health.timings()) {
            json.put(timing.tag(), MetricJson.of(timing));
        }
        json.put("io_thread_lag_p99_ms", health.ioThreadLagP99Ms());
        json.put("io_thread_lag_max_ms", health.ioThreadLagMaxMs());
        json.put("cpu_load_avg", health.cpuLoadAvg());
        json.put("cpu_load_max", health.cpuLoadMax());
        json.put("processors", health.processors());
        json.put("gc_pauses", health.gcPauses());
        json.put("gc_pause_total_ms", health.gcPauseTotalMs());
        json.put("gc_pause_max_ms", health.gcPauseMaxMs());
        json.put("connection_limit", health.connectionLimit());
        return json;
    }

    static Map<String, Object> errorCount(ErrorCount count) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error_details", errorDetails(count.details()));
        json.put("count", count.count());
        return json;
    }

    /** An error as {@code {code?, type?, message}}, the shape of every export. */
    static Map<String, Object> errorDetails(ErrorDetails error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", error.code());
        json.put("type", error.type());
        json.put("message", error.message());
        return json;
    }
}
