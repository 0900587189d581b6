package dev.aiperf.export;

import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import dev.aiperf.api.telemetry.GpuSummary;
import dev.aiperf.api.telemetry.GpuTelemetryResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The GPU section at the end of {@code profile_export_aiperf.csv} (metrics spec §5.3), only when GPU telemetry
 * exists: two empty rows, then {@code Endpoint,GPU_Index,GPU_Name,GPU_UUID,Metric,avg,min,max,sum,p1..p99,std}
 * and {@code Hostname}, {@code Namespace}, {@code Pod Name} when some GPU has one; one row per GPU and metric.
 */
final class GpuTelemetryCsvSection {
    private GpuTelemetryCsvSection() {
    }

    static String render(GpuTelemetryResults telemetry) {
        if (telemetry == null || telemetry.gpus().isEmpty()) {
            return "";
        }
        boolean hostname = telemetry.gpus().stream().map(GpuSummary::hostname).anyMatch(Objects::nonNull);
        boolean namespace = telemetry.gpus().stream().map(GpuSummary::namespace).anyMatch(Objects::nonNull);
        boolean pod = telemetry.gpus().stream().map(GpuSummary::podName).anyMatch(Objects::nonNull);
        StringBuilder out = new StringBuilder();
        out.append(CsvText.LINE_END).append(CsvText.LINE_END);
        List<String> header = new ArrayList<>(List.of("Endpoint", "GPU_Index", "GPU_Name", "GPU_UUID", "Metric"));
        MetricsCsvExporter.COLUMNS.forEach(s -> header.add(s.key()));
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
        for (GpuSummary gpu : telemetry.gpus()) {
            for (MetricResult metric : gpu.metrics()) {
                List<String> row = new ArrayList<>(List.of(gpu.endpoint(), Integer.toString(gpu.gpuIndex()),
                        gpu.gpuName(), gpu.gpuUuid(), metric.header() + " (" + metric.unit() + ")"));
                for (Statistic statistic : MetricsCsvExporter.COLUMNS) {
                    Double value = metric.get(statistic);
                    row.add(value == null ? "" : PythonNumbers.fixed2(value));
                }
                if (hostname) {
                    row.add(Objects.requireNonNullElse(gpu.hostname(), ""));
                }
                if (namespace) {
                    row.add(Objects.requireNonNullElse(gpu.namespace(), ""));
                }
                if (pod) {
                    row.add(Objects.requireNonNullElse(gpu.podName(), ""));
                }
                CsvText.row(out, row);
            }
        }
        return out.toString();
    }
}
