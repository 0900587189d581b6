package dev.aiperf.export;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.export.DataExporter;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.telemetry.ServerMetric;
import dev.aiperf.api.telemetry.ServerMetricSeries;
import dev.aiperf.api.telemetry.ServerMetricsResults;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@code server_metrics_export.csv} in the original's layout: a commented header, then one section per
 * type (gauge — untyped included —, counter, histogram) separated by a blank line, each with the columns
 * {@code Endpoint,Type,Metric,Unit,<stats>,<one column per label>,Description[,buckets]}, and last the
 * {@code *_info} metrics transposed as {@code Endpoint,Metric,Key,Value,Description}. Integers print as digits,
 * other numbers with 4 decimals. Label columns are ordered so that labels used together sit together, and rows
 * with the same filled columns sit together, as the original orders them.
 */
public final class ServerMetricsCsvExporter implements DataExporter {
    public static final String FILE = "server_metrics_export.csv";
    static final List<String> GAUGE_STATS = List.of("avg", "min", "max", "std", "p1", "p5", "p10", "p25", "p50",
            "p75", "p90", "p95", "p99");
    static final List<String> COUNTER_STATS = List.of("total", "rate", "rate_avg", "rate_min", "rate_max",
            "rate_std");
    static final List<String> HISTOGRAM_STATS = List.of("count", "count_rate", "sum", "sum_rate", "avg",
            "p1_estimate", "p5_estimate", "p10_estimate", "p25_estimate", "p50_estimate", "p75_estimate",
            "p90_estimate", "p95_estimate", "p99_estimate");

    private final BenchmarkConfig config;
    private final Path file;
    private boolean written;

    public ServerMetricsCsvExporter(ExporterContext context) {
        this.config = context.config();
        this.file = config.output().artifactDir().resolve(ArtifactFiles.of(config.output()).serverMetrics("csv"));
    }

    @Override
    public void export(ExportContext context) throws IOException {
        ServerMetricsResults results = context.serverMetrics();
        if (results == null || results.endpointsSuccessful().isEmpty()
                || !config.telemetry().serverMetricsFormats().contains("csv")) {
            return;
        }
        AtomicFile.writeString(file, content(context.aiperfVersion(), context.benchmarkId(), results));
        written = true;
    }

    /** Null when nothing was written. */
    @Override
    public ExportInfo getExportInfo() {
        return written ? new ExportInfo("Server Metrics CSV Export", file) : null;
    }

    /** One row to be: where it comes from and its series. */
    private record Row(String endpoint, String name, ServerMetric metric, ServerMetricSeries series) {
        boolean info() {
            return name.endsWith("_info");
        }
    }

    static String content(String version, String benchmarkId, ServerMetricsResults results) {
        Map<String, List<Row>> byType = new LinkedHashMap<>();
        for (String type : List.of("gauge", "counter", "histogram")) {
            byType.put(type, new ArrayList<>());
        }
        List<Row> infos = new ArrayList<>();
        results.metrics().forEach((name, metric) -> {
            String type = metric.type().equals("unknown") ? "gauge" : metric.type();
            for (ServerMetricSeries series : metric.series()) {
                Row row = new Row(display(series.endpointUrl()), name, metric, series);
                if (row.info() && type.equals("gauge")) {
                    infos.add(row);
                } else {
                    byType.computeIfAbsent(type, k -> new ArrayList<>()).add(row);
                }
            }
        });
        StringBuilder out = new StringBuilder();
        out.append("# AIPerf Server Metrics Export (CSV)\n");
        out.append("# aiperf_version: ").append(version).append('\n');
        out.append("# schema_version: 1.0\n");
        out.append("# benchmark_id: ").append(benchmarkId).append('\n');
        out.append("# Note: Same benchmark_id and version appear in JSON and Parquet exports\n");
        out.append("#\n");
        boolean first = true;
        for (Map.Entry<String, List<Row>> section : byType.entrySet()) {
            if (section.getValue().isEmpty()) {
                continue;
            }
            if (!first) {
                CsvText.row(out, List.of());
            }
            writeSection(out, section.getKey(), section.getValue());
            first = false;
        }
        if (!infos.isEmpty()) {
            if (!first) {
                CsvText.row(out, List.of());
            }
            CsvText.row(out, List.of("Endpoint", "Metric", "Key", "Value", "Description"));
            infos.sort(Comparator.comparing(Row::name).thenComparing(Row::endpoint));
            for (Row row : infos) {
                for (String key : new TreeSet<>(row.series().labels().keySet())) {
                    CsvText.row(out, List.of(row.endpoint(), row.name(), key, row.series().labels().get(key),
                            row.metric().description()));
                }
            }
        }
        return out.toString();
    }

    private static void writeSection(StringBuilder out, String type, List<Row> rows) {
        List<String> stats = switch (type) {
            case "counter" -> COUNTER_STATS;
            case "histogram" -> HISTOGRAM_STATS;
            default -> GAUGE_STATS;
        };
        List<String> labelColumns = labelOrder(rows);
        List<String> header = new ArrayList<>(List.of("Endpoint", "Type", "Metric", "Unit"));
        header.addAll(stats);
        header.addAll(labelColumns);
        header.add("Description");
        if (type.equals("histogram")) {
            header.add("buckets");
        }
        CsvText.row(out, header);
        rows.sort(Comparator.comparing((Row r) -> fillPattern(r, labelColumns)).thenComparing(Row::name)
                .thenComparing(Row::endpoint).thenComparing(r -> pythonDict(r.series().labels())));
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.endpoint(), type, row.name(),
                    row.metric().unit() == null ? "" : row.metric().unit()));
            for (String stat : stats) {
                cells.add(number(row.series().stats().get(stat)));
            }
            for (String label : labelColumns) {
                cells.add(row.series().labels().getOrDefault(label, ""));
            }
            cells.add(row.metric().description());
            if (type.equals("histogram")) {
                StringBuilder buckets = new StringBuilder();
                row.series().buckets().forEach((le, count) -> {
                    if (!buckets.isEmpty()) {
                        buckets.append(';');
                    }
                    buckets.append(le).append('=').append(number(count));
                });
                cells.add(buckets.toString());
            }
            CsvText.row(out, cells);
        }
    }

    /**
     * Label columns: labels that occur together form a family (union-find over each row's label set); families in
     * the order of their smallest label, and inside one, labels used by a single label set before shared ones.
     */
    static List<String> labelOrder(List<Row> rows) {
        List<Set<String>> sets = new ArrayList<>();
        for (Row row : rows) {
            if (!row.series().labels().isEmpty()) {
                sets.add(new TreeSet<>(row.series().labels().keySet()));
            }
        }
        Map<String, String> parent = new HashMap<>();
        for (Set<String> set : sets) {
            String previous = null;
            for (String label : set) {
                find(parent, label);
                if (previous != null) {
                    parent.put(find(parent, label), find(parent, previous));
                }
                previous = label;
            }
        }
        Map<String, TreeSet<String>> families = new HashMap<>();
        for (String label : parent.keySet()) {
            families.computeIfAbsent(find(parent, label), k -> new TreeSet<>()).add(label);
        }
        Map<String, Integer> uses = new HashMap<>();
        sets.forEach(set -> set.forEach(label -> uses.merge(label, 1, Integer::sum)));
        List<TreeSet<String>> ordered = new ArrayList<>(families.values());
        ordered.sort(Comparator.comparing(TreeSet::first));
        List<String> columns = new ArrayList<>();
        for (TreeSet<String> family : ordered) {
            family.stream().filter(l -> uses.get(l) <= 1).forEach(columns::add);
            family.stream().filter(l -> uses.get(l) > 1).forEach(columns::add);
        }
        return columns;
    }

    private static String find(Map<String, String> parent, String label) {
        String p = parent.computeIfAbsent(label, k -> k);
        return p.equals(label) ? label : find(parent, p);
    }

    private static String fillPattern(Row row, List<String> columns) {
        StringBuilder pattern = new StringBuilder(columns.size());
        for (String column : columns) {
            pattern.append(row.series().labels().containsKey(column) ? '1' : '0');
        }
        return pattern.toString();
    }

    /** Python's {@code str(dict)} of labels, the last sort key of the original. */
    private static String pythonDict(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        labels.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append('\'').append(k).append("': '").append(v).append('\'');
        });
        return out.append('}').toString();
    }

    /** Integers as digits, other numbers with 4 decimals, nothing for a missing value. */
    static String number(Number value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        double d = value.doubleValue();
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(d).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code host:port} of an endpoint URL. */
    static String display(String url) {
        URI uri = URI.create(url);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

}
