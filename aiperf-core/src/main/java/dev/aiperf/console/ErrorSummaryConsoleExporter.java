package dev.aiperf.console;

import dev.aiperf.api.export.ConsoleExporter;
import dev.aiperf.api.export.ErrorCount;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExporterContext;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints {@code NVIDIA AIPerf | Error Summary} (metrics spec §7): one row per distinct error with
 * its count, in first-seen order, preceded by a hint panel when the errors show a known cause.
 * Prints nothing when no request failed.
 */
public final class ErrorSummaryConsoleExporter implements ConsoleExporter {
    private final int width;

    public ErrorSummaryConsoleExporter(ExporterContext context) {
        this(ConsoleWidth.detect());
    }

    public ErrorSummaryConsoleExporter(int width) {
        this.width = width;
    }

    @Override
    public void export(ExportContext context, PrintStream out) {
        if (context.errorSummary().isEmpty()) {
            return;
        }
        Warnings.unsupportedMaxCompletionTokens(context).ifPresent(panel -> {
            out.println();
            out.print(TextPanel.render(panel.title(), panel.body(), width));
        });
        out.println();
        out.print(render(context.errorSummary(), width));
        out.flush();
    }

    static String render(List<ErrorCount> errors, int width) {
        TextTable table = new TextTable("NVIDIA AIPerf | Error Summary", List.of(
                new TextTable.Column("Code", TextTable.Justify.RIGHT, false),
                new TextTable.Column("Type", TextTable.Justify.RIGHT, false),
                new TextTable.Column("Message", TextTable.Justify.LEFT, true),
                new TextTable.Column("Count", TextTable.Justify.RIGHT, false)));
        for (ErrorCount error : errors) {
            table.addRow(List.of(
                    error.details().code() == null ? "N/A" : error.details().code().toString(),
                    error.details().type() == null ? "N/A" : error.details().type(),
                    error.details().message() == null ? "" : error.details().message(),
                    String.format(Locale.ROOT, "%,d", error.count())));
        }
        return table.render(width);
    }
}
