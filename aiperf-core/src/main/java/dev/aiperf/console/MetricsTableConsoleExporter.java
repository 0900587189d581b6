package dev.aiperf.console;

import dev.aiperf.api.export.ConsoleExporter;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.metrics.MetricsEnvironment;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * Prints the metrics table {@code NVIDIA AIPerf | <metrics title>} (metrics spec §6), preceded in
 * dev mode by the experimental and internal tables (with {@code --show-trace-timing} the HTTP trace timing table
 * between the two, as the original orders them), and followed by the token-count discrepancy
 * and output-length mismatch warnings when they apply. Prints nothing when the run has no results;
 * a run where every request failed prints the table without rows.
 */
public final class MetricsTableConsoleExporter implements ConsoleExporter {
    private static final Set<MetricFlag> HIDDEN = Set.of(MetricFlag.ERROR_ONLY, MetricFlag.NO_CONSOLE,
            MetricFlag.INTERNAL, MetricFlag.EXPERIMENTAL);

    private final int width;
    private final MetricsEnvironment environment;
    private final boolean colors;

    public MetricsTableConsoleExporter(ExporterContext context) {
        this(ConsoleWidth.detect(), MetricsEnvironment.fromSystem(), SystemTerminal.colors());
    }

    public MetricsTableConsoleExporter(int width, MetricsEnvironment environment) {
        this(width, environment, false);
    }

    MetricsTableConsoleExporter(int width, MetricsEnvironment environment, boolean colors) {
        this.width = width;
        this.environment = environment;
        this.colors = colors;
    }

    @Override
    public void export(ExportContext context, PrintStream out) {
        if (context.isEmpty()) {
            return;
        }
        printSubTable("Experimental Metrics", context, MetricFlag.EXPERIMENTAL, out);
        if (context.config().output().showTraceTiming()) {
            printTraceTiming(context, out);
        }
        printSubTable("Internal Metrics", context, MetricFlag.INTERNAL, out);
        List<MetricResult> shown = context.results().stream()
                .filter(r -> r.flags().stream().noneMatch(HIDDEN::contains)).toList();
        String title = context.endpointMetadata() == null || context.endpointMetadata().metricsTitle() == null
                ? "Metrics" : context.endpointMetadata().metricsTitle();
        out.println();
        out.print(TableColors.apply(MetricsTable.render("NVIDIA AIPerf | " + title, shown, width), colors));
        Warnings.usageDiscrepancy(context, environment).ifPresent(panel -> printPanel(panel, out));
        Warnings.oslMismatch(context, environment).ifPresent(panel -> printPanel(panel, out));
        out.flush();
    }

    private void printSubTable(String title, ExportContext context, MetricFlag flag, PrintStream out) {
        List<MetricResult> rows = context.results().stream().filter(r -> r.hasFlag(flag)).toList();
        if (!rows.isEmpty()) {
            out.println();
            out.print(TableColors.apply(MetricsTable.render("NVIDIA AIPerf | " + title, rows, width), colors));
        }
    }

    /** {@code --show-trace-timing}: the {@code http_req_*} rows, or one line saying why there are none. */
    private void printTraceTiming(ExportContext context, PrintStream out) {
        String title = "NVIDIA AIPerf | HTTP Trace Timing";
        if (context.results().stream().noneMatch(r -> r.hasFlag(MetricFlag.HTTP_TRACE_ONLY))) {
            out.println();
            out.println(title + ": no http_req_* figures (no request succeeded, or AIPERF_HTTP_TRACE=false turned"
                    + " tracing off)");
            return;
        }
        printSubTable("HTTP Trace Timing", context, MetricFlag.HTTP_TRACE_ONLY, out);
    }

    private void printPanel(Warnings.Panel panel, PrintStream out) {
        out.println();
        out.print(TextPanel.render(panel.title(), panel.body(), width));
    }
}
