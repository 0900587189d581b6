package dev.aiperf.api.export;

import java.io.PrintStream;

/**
 * Category {@code console_exporter}: prints part of the run's results for a person.
 *
 * <p><b>Lifecycle.</b> The engine creates every registered console exporter after the data
 * exporters ran and calls {@link #export} once, in registration order. An exporter with nothing
 * to say prints nothing.
 *
 * <p><b>Threading.</b> Called from one thread.
 *
 * <p><b>Constructor requirements.</b> A public constructor taking an {@link ExporterContext}, or a
 * public no-argument constructor. The engine builds every exporter before the first request.
 */
public interface ConsoleExporter {

    void export(ExportContext context, PrintStream out);
}
