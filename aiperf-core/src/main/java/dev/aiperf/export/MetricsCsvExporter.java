package dev.aiperf.export;

import dev.aiperf.api.export.DataExporter;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.export.GpuTelemetry;
import dev.aiperf.api.export.TelemetryData;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code profile_export_aiperf.csv} (metrics spec §5.3): per-request metrics with every
 * statistic, a blank line, then run-level metrics with their value; rows sorted by tag, numbers
 * with two decimals, CRLF line ends; then, when GPU telemetry was collected, its section.
 */
public final class MetricsCsvExporter implements DataExporter {
    static final List<Statistic> COLUMNS = List.of(Statistic.AVG, Statistic.MIN, Statistic.MAX, Statistic.SUM,
            Statistic.P1, Statistic.P5, Statistic.P10, Statistic.P25, Statistic.P50, Statistic.P75, Statistic.P90,
            Statistic.P95, Statistic.P99, Statistic.STD);

    private final Path file;

    public MetricsCsvExporter(ExporterContext context) {
        this.file = context.config().output().artifactDir().resolve(ArtifactFiles.DEFAULT.summaryCsv());
    }

    /** Writes an empty file when there are no results. */
    @Override
    public void export(ExportContext context) throws IOException {
        AtomicFile.writeString(file, render(context.results()) + gpuSection(context.telemetryData()));
    }

    @Override
    public ExportInfo getExportInfo() {
        return new ExportInfo("CSV Export", file);
    }

    static String render(List<MetricResult> results) {
        List<MetricResult> sorted = results.stream().sorted(Comparator.comparing(MetricResult::tag)).toList();
        List<MetricResult> requestMetrics = sorted.stream().filter(MetricResult::hasPercentiles).toList();
        List<MetricResult> systemMetrics = sorted.stream().filter(r -> !r.hasPercentiles()).toList();
        StringBuilder out = new StringBuilder();
        if (!requestMetrics.isEmpty()) {
            List<String> header = new ArrayList<>(List.of("Metric"));
            COLUMNS.forEach(s -> header.add(s.key()));
            CsvText.row(out, header);
            for (MetricResult result : requestMetrics) {
                List<String> row = new ArrayList<>(List.of(metricCell(result)));
                COLUMNS.forEach(s -> row.add(number(result.get(s))));
                CsvText.row(out, row);
            }
        }
        if (!requestMetrics.isEmpty() && !systemMetrics.isEmpty()) {
            out.append(CsvText.LINE_END);
        }
        if (!systemMetrics.isEmpty()) {
            CsvText.row(out, List.of("Metric", "Value"));
            for (MetricResult result : systemMetrics) {
                CsvText.row(out, List.of(metricCell(result), number(result.avg())));
            }
        }
        return out.toString();
    }

    /**
     * The GPU telemetry section (metrics spec §5.3), only when some GPU reported: two empty rows, then one
     * row per GPU and metric; the Hostname, Namespace and Pod Name columns only when some GPU has one.
     */
    static String gpuSection(TelemetryData telemetry) {
        if (!telemetry.hasGpus()) {
            return "";
        }
        List<Map.Entry<String, GpuTelemetry>> gpus = TelemetryJson.rows(telemetry);
        boolean hostname = gpus.stream().anyMatch(g -> g.getValue().hostname() != null);
        boolean namespace = gpus.stream().anyMatch(g -> g.getValue().namespace() != null);
        boolean pod = gpus.stream().anyMatch(g -> g.getValue().podName() != null);
        StringBuilder out = new StringBuilder();
        out.append(CsvText.LINE_END).append(CsvText.LINE_END);
        List<String> header = new ArrayList<>(List.of("Endpoint", "GPU_Index", "GPU_Name", "GPU_UUID", "Metric"));
        COLUMNS.forEach(s -> header.add(s.key()));
        if (hostname) {
            header.add("Hostname");
        }
        if (namespace) {
            header.add("Namespace");
        }
        if (pod) {
            header.add("Pod Name");
        }
        CsvText.row(out, header);
        for (Map.Entry<String, GpuTelemetry> entry : gpus) {
            GpuTelemetry gpu = entry.getValue();
            for (MetricResult metric : gpu.metrics()) {
                List<String> row = new ArrayList<>(List.of(entry.getKey(), Integer.toString(gpu.gpuIndex()),
                        gpu.gpuName(), gpu.gpuUuid(), metric.header() + " (" + metric.unit() + ")"));
                COLUMNS.forEach(s -> row.add(number(metric.get(s))));
                if (hostname) {
                    row.add(gpu.hostname() == null ? "" : gpu.hostname());
                }
                if (namespace) {
                    row.add(gpu.namespace() == null ? "" : gpu.namespace());
                }
                if (pod) {
                    row.add(gpu.podName() == null ? "" : gpu.podName());
                }
                CsvText.row(out, row);
            }
        }
        return out.toString();
    }

    /** {@code Header (unit)}, without the unit for plain counts. */
    static String metricCell(MetricResult result) {
        String unit = result.unit().toLowerCase(Locale.ROOT);
        return unit.equals("count") || unit.equals("requests") ? result.header() : result.header() + " (" + result.unit() + ")";
    }

    private static String number(Double value) {
        return value == null ? "" : PythonNumbers.fixed2(value);
    }
}
