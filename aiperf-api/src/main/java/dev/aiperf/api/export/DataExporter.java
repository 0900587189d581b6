package dev.aiperf.api.export;

import java.io.IOException;

/** Category {@code data_exporter}: writes the run's results to a file or external system. */
public interface DataExporter {

    void export(ExportContext context) throws IOException;

    ExportInfo getExportInfo();
}
