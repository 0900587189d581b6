package dev.aiperf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.export.DataExporter;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.artifacts.RequestSampleColumns;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.artifacts.UsesRunRequestSamples;
import dev.aiperf.export.JsonText;
import dev.aiperf.export.MetricsJsonExporter;
import dev.aiperf.export.ArtifactFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * Data exporter {@code html_report}: writes the run's {@code report.html} into its artifact directory, after
 * the per-request records are complete. The summary it shows is the document {@code profile_export_aiperf.json}
 * gets, built from the same context, so the report does not depend on the order exporters run in. Its per-request
 * samples are those the engine kept while writing {@code profile_export.jsonl} (the same numbers the file reads back
 * as, so the page is the one {@code aiperf report} makes of the folder); it reads the file only when they are not
 * kept (export level summary, a write failure, a very long run). Off with {@code --no-html-report}.
 */
public final class HtmlReportExporter implements DataExporter, UsesRunRequestSamples {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final BenchmarkConfig config;
    private final Path file;
    /** The run's samples kept while its records were written, or null: then the records file is read. */
    private RequestSampleColumns samples;

    public HtmlReportExporter(ExporterContext context) {
        this.config = context.config();
        this.file = config.output().artifactDir().resolve(HtmlReport.FILE_NAME);
    }

    @Override
    public void export(ExportContext context) throws IOException {
        if (context.isEmpty() || !config.output().htmlReport()) {
            return;
        }
        String summary = JsonText.compact(new MetricsJsonExporter(config, ZoneId.systemDefault()).document(context));
        JsonNode tree = JSON.readTree(summary);
        Path dir = config.output().artifactDir();
        ArtifactFiles files = ArtifactFiles.of(config.output());
        RunArtifacts run = samples != null && samples.complete()
                ? RunArtifacts.withSummary(dir, tree, files, samples.toSamples())
                : RunArtifacts.withSummary(dir, tree, files);
        HtmlReport.write(List.of(run), file, context.aiperfVersion());
    }

    @Override
    public void useRequestSamples(RequestSampleColumns runSamples) {
        this.samples = runSamples;
    }

    @Override
    public ExportInfo getExportInfo() {
        return config.output().htmlReport() ? new ExportInfo("HTML Report", file) : null;
    }
}
