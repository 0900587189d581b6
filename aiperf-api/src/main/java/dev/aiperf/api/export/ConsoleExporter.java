package dev.aiperf.api.export;

import java.io.PrintStream;

/** Category {@code console_exporter}: prints part of the run's results for a person. */
public interface ConsoleExporter {

    void export(ExportContext context, PrintStream out);
}
