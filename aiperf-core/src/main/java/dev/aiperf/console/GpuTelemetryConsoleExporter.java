package dev.aiperf.console;

import dev.aiperf.api.export.ConsoleExporter;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import dev.aiperf.api.telemetry.GpuSummary;
import dev.aiperf.api.telemetry.GpuTelemetryResults;
import dev.aiperf.export.PythonNumbers;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * With {@code --gpu-telemetry} (as in the original): one table per GPU (power, energy, utilisation, memory,
 * temperature, SM clock over the profiling window), then the energy-efficiency metrics ({@code nvidia_*}).
 * Without the option the telemetry is still collected and exported, just not printed.
 */
public final class GpuTelemetryConsoleExporter implements ConsoleExporter {
    private static final List<Statistic> COLUMNS = List.of(Statistic.AVG, Statistic.MIN, Statistic.MAX, Statistic.P50,
            Statistic.P99);

    private final int width;
    private final boolean shown;

    public GpuTelemetryConsoleExporter(ExporterContext context) {
        this(ConsoleWidth.detect(), context.config().telemetry().gpuTelemetryShown());
    }

    public GpuTelemetryConsoleExporter(int width, boolean shown) {
        this.width = width;
        this.shown = shown;
    }

    @Override
    public void export(ExportContext context, PrintStream out) {
        if (!shown) {
            return;
        }
        GpuTelemetryResults telemetry = context.gpuTelemetry();
        if (telemetry == null || telemetry.gpus().isEmpty()) {
            out.println();
            out.println("GPU telemetry: no data (no DCGM exporter answered at "
                    + (telemetry == null ? "the configured endpoints" : String.join(", ",
                    telemetry.endpointsConfigured())) + ")");
            return;
        }
        for (GpuSummary gpu : telemetry.gpus()) {
            TextTable table = new TextTable("NVIDIA AIPerf | GPU " + gpu.gpuIndex() + " | " + gpu.gpuName() + " | "
                    + gpu.endpoint(), columns("GPU Metric"));
            for (MetricResult metric : gpu.metrics()) {
                table.addRow(row(metric));
            }
            out.println();
            out.print(table.render(width));
        }
        List<MetricResult> energy = context.results().stream()
                .filter(r -> r.tag().startsWith("nvidia_") || r.tag().startsWith("amd_")).toList();
        if (!energy.isEmpty()) {
            TextTable table = new TextTable("NVIDIA AIPerf | Energy Efficiency", List.of(
                    new TextTable.Column("Metric", TextTable.Justify.RIGHT, true),
                    new TextTable.Column("value", TextTable.Justify.RIGHT, false)));
            for (MetricResult metric : energy) {
                table.addRow(List.of(metric.header() + " (" + metric.unit() + ")", format(metric.avg())));
            }
            out.println();
            out.print(table.render(width));
        }
        out.flush();
    }

    private static List<TextTable.Column> columns(String first) {
        List<TextTable.Column> columns = new ArrayList<>();
        columns.add(new TextTable.Column(first, TextTable.Justify.RIGHT, true));
        COLUMNS.forEach(s -> columns.add(new TextTable.Column(s.key(), TextTable.Justify.RIGHT, false)));
        return columns;
    }

    private static List<String> row(MetricResult metric) {
        List<String> cells = new ArrayList<>();
        cells.add(metric.header() + " (" + metric.unit() + ")");
        for (Statistic statistic : COLUMNS) {
            cells.add(format(metric.get(statistic)));
        }
        return cells;
    }

    private static String format(Double value) {
        return value == null || !Double.isFinite(value) ? "N/A" : PythonNumbers.grouped2(value);
    }
}
