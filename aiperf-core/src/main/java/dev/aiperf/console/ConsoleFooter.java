package dev.aiperf.console;

import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;
import dev.aiperf.export.PythonNumbers;
import dev.aiperf.export.Redaction;
import dev.aiperf.metrics.MetricTags;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The lines printed after every console exporter (metrics spec §6): the command, the benchmark
 * duration, each exported file, the log file, and a notice when the run was cancelled.
 */
public final class ConsoleFooter {
    private ConsoleFooter() {
    }

    /**
     * @param exports what the data exporters wrote ({@code getExportInfo()}), in their order
     * @param logFile the run's log file, or null when there is none
     */
    public static void print(ExportContext context, List<ExportInfo> exports, Path logFile, PrintStream out) {
        out.println();
        String command = Redaction.commandLine(context.config());
        if (command != null) {
            out.println("CLI Command: " + command);
        }
        context.result(MetricTags.BENCHMARK_DURATION).ifPresent(duration ->
                out.println("Benchmark Duration: " + PythonNumbers.fixed2(duration.avg()) + " sec"));
        for (ExportInfo export : exports) {
            out.println(export.exportType() + ": " + export.filePath().toAbsolutePath());
        }
        if (logFile != null) {
            out.println("Log File: " + logFile.toAbsolutePath());
        }
        if (context.interrupted()) {
            out.println("The benchmark was cancelled: results cover the requests that completed before it stopped.");
        }
        out.flush();
    }
}
