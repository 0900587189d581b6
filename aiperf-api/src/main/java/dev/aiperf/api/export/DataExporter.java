package dev.aiperf.api.export;

import java.io.IOException;

/**
 * Category {@code data_exporter}: writes the run's results to a file or external system.
 *
 * <p><b>Lifecycle.</b> The engine creates every registered data exporter after the run, calls
 * {@link #export} once, then uses {@link #getExportInfo} to list what was written.
 *
 * <p><b>Threading.</b> Called from one thread; may block on I/O.
 *
 * <p><b>Errors.</b> Throw {@link IOException} when the output cannot be written; the engine
 * reports it with the exporter's name and carries on with the other exporters.
 *
 * <p><b>Constructor requirements.</b> A public constructor taking an {@link ExporterContext}, or a
 * public no-argument constructor. The engine builds every exporter before the first request.
 */
public interface DataExporter {

    void export(ExportContext context) throws IOException;

    /**
     * What this exporter wrote, e.g. {@code JSON Export} and its path; null when it is switched off or
     * {@link #export} had nothing to write (e.g. server metrics when no server answered), so the console lists
     * no file for it.
     */
    ExportInfo getExportInfo();
}
