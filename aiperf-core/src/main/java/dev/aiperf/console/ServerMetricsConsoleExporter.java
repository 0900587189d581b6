package dev.aiperf.console;

import dev.aiperf.api.export.ConsoleExporter;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.telemetry.ServerMetric;
import dev.aiperf.api.telemetry.ServerMetricSeries;
import dev.aiperf.api.telemetry.ServerMetricsResults;
import dev.aiperf.export.PythonNumbers;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After the metrics table: the key server-side series of each scraped endpoint (requests running and waiting,
 * KV-cache use, prefix-cache hit rate, prompt and generation token throughput, the server's own TTFT and latency),
 * so a client-side figure can be read against the server's load. Every scraped series is in
 * {@code server_metrics_export.json}; this shows the few that explain most.
 */
public final class ServerMetricsConsoleExporter implements ConsoleExporter {
    private final int width;

    public ServerMetricsConsoleExporter(ExporterContext context) {
        this(ConsoleWidth.detect());
    }

    public ServerMetricsConsoleExporter(int width) {
        this.width = width;
    }

    @Override
    public void export(ExportContext context, PrintStream out) {
        ServerMetricsResults results = context.serverMetrics();
        if (results == null || results.metrics().isEmpty()) {
            return;
        }
        Set<String> endpoints = new LinkedHashSet<>(results.endpointsSuccessful());
        for (String endpoint : endpoints) {
            List<List<String>> rows = rows(results, endpoint);
            if (rows.isEmpty()) {
                continue;
            }
            TextTable table = new TextTable("NVIDIA AIPerf | Server Metrics (" + display(endpoint) + ")", List.of(
                    new TextTable.Column("Server Metric", TextTable.Justify.RIGHT, false),
                    new TextTable.Column("avg", TextTable.Justify.RIGHT, false),
                    new TextTable.Column("min", TextTable.Justify.RIGHT, false),
                    new TextTable.Column("max", TextTable.Justify.RIGHT, false),
                    new TextTable.Column("p50", TextTable.Justify.RIGHT, false),
                    new TextTable.Column("p99", TextTable.Justify.RIGHT, false),
                    new TextTable.Column("Series", TextTable.Justify.LEFT, true)));
            rows.forEach(table::addRow);
            out.println();
            out.print(table.render(width));
        }
        out.flush();
    }

    /** The table rows of one endpoint: label, avg, min, max, p50, p99, series name. */
    static List<List<String>> rows(ServerMetricsResults results, String endpoint) {
        List<List<String>> rows = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (KeyServerSeries.Row row : KeyServerSeries.ROWS) {
            if (shown.contains(row.label())) {
                continue;
            }
            List<String> cells = switch (row.kind()) {
                case HIT_RATIO -> hitRatio(results, endpoint, row);
                default -> single(results, endpoint, row);
            };
            if (cells != null) {
                rows.add(cells);
                shown.add(row.label());
            }
        }
        return rows;
    }

    private static List<String> single(ServerMetricsResults results, String endpoint, KeyServerSeries.Row row) {
        for (String name : row.names()) {
            List<ServerMetricSeries> series = series(results, name, endpoint);
            if (series.isEmpty()) {
                continue;
            }
            return switch (row.kind()) {
                case GAUGE -> gaugeCells(row.label(), name, series, 1, true);
                case RATIO_GAUGE -> gaugeCells(row.label(), name, series, 100, false);
                case COUNTER_RATE -> cells(row.label(), name, sum(series, "rate"), null, null, null, null);
                case HISTOGRAM_SECONDS -> {
                    ServerMetricSeries busiest = series.stream().max((a, b) -> Double.compare(
                            number(a.stats(), "count"), number(b.stats(), "count"))).orElseThrow();
                    Map<String, Number> stats = busiest.stats();
                    if (number(stats, "count") <= 0) {
                        yield null;
                    }
                    yield cells(row.label(), name, ms(stats.get("avg")), null, null, ms(stats.get("p50_estimate")),
                            ms(stats.get("p99_estimate")));
                }
                default -> null;
            };
        }
        return null;
    }

    /** Gauges: summed over label sets (e.g. several engines), or averaged for ratios; times {@code scale}. */
    private static List<String> gaugeCells(String label, String name, List<ServerMetricSeries> series, double scale,
                                           boolean summed) {
        double divisor = summed ? 1 : series.size();
        return cells(label, name, sum(series, "avg") * scale / divisor, sum(series, "min") * scale / divisor,
                sum(series, "max") * scale / divisor, sum(series, "p50") * scale / divisor,
                sum(series, "p99") * scale / divisor);
    }

    private static List<String> hitRatio(ServerMetricsResults results, String endpoint, KeyServerSeries.Row row) {
        for (int i = 0; i + 1 < row.names().size(); i += 2) {
            List<ServerMetricSeries> hits = series(results, row.names().get(i), endpoint);
            List<ServerMetricSeries> queries = series(results, row.names().get(i + 1), endpoint);
            if (hits.isEmpty() || queries.isEmpty()) {
                continue;
            }
            double asked = sum(queries, "total");
            Double rate = asked > 0 ? 100 * sum(hits, "total") / asked : null;
            return cells(row.label(), row.names().get(i) + " / " + row.names().get(i + 1), rate, null, null, null,
                    null);
        }
        return null;
    }

    private static List<ServerMetricSeries> series(ServerMetricsResults results, String name, String endpoint) {
        ServerMetric metric = results.metrics().get(name);
        if (metric == null) {
            return List.of();
        }
        return metric.series().stream().filter(s -> s.endpointUrl().equals(endpoint)).toList();
    }

    private static double sum(List<ServerMetricSeries> series, String stat) {
        return series.stream().mapToDouble(s -> number(s.stats(), stat)).sum();
    }

    private static double number(Map<String, Number> stats, String key) {
        Number value = stats.get(key);
        return value == null ? 0 : value.doubleValue();
    }

    private static Double ms(Number seconds) {
        return seconds == null ? null : seconds.doubleValue() * 1000;
    }

    private static List<String> cells(String label, String name, Double avg, Double min, Double max, Double p50,
                                      Double p99) {
        return List.of(label, format(avg), format(min), format(max), format(p50), format(p99), name);
    }

    private static String format(Double value) {
        return value == null || !Double.isFinite(value) ? "N/A" : PythonNumbers.grouped2(value);
    }

    private static String display(String url) {
        URI uri = URI.create(url);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
