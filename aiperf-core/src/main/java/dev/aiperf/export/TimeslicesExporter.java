package dev.aiperf.export;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.export.DataExporter;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.export.TimesliceResults;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code profile_export_aiperf_timeslices.json} and {@code .csv} (metrics spec §5.6) when the run
 * had {@code --slice-duration} and at least one slice: the JSON lists each slice's metric blocks (in
 * result order) after its {@code timeslice_index}, then the input configuration; the CSV is long format,
 * {@code Timeslice,Metric,Unit,Stat,Value}, slices in order, metrics by tag, one row per statistic
 * ({@code sum} included), CRLF line ends. Both are written atomically.
 */
public final class TimeslicesExporter implements DataExporter {
    /** The CSV's statistics, in row order. */
    static final List<Statistic> STATS = MetricsCsvExporter.COLUMNS;

    private final BenchmarkConfig config;
    private final Path jsonFile;
    private final Path csvFile;
    private boolean wrote;

    public TimeslicesExporter(ExporterContext context) {
        this.config = context.config();
        Path dir = config.output().artifactDir();
        this.jsonFile = dir.resolve(ArtifactFiles.of(config.output()).timeslicesJson());
        this.csvFile = dir.resolve(ArtifactFiles.of(config.output()).timeslicesCsv());
    }

    @Override
    public void export(ExportContext context) throws IOException {
        if (context.timeslices().isEmpty()) {
            return;
        }
        AtomicFile.writeString(jsonFile, JsonText.pretty(json(context)));
        AtomicFile.writeString(csvFile, csv(context.timeslices()));
        wrote = true;
    }

    /** The JSON file, or null when the run had no time slices. */
    @Override
    public ExportInfo getExportInfo() {
        return wrote ? new ExportInfo("Timeslices Export", jsonFile) : null;
    }

    Map<String, Object> json(ExportContext context) {
        List<Object> slices = new ArrayList<>();
        for (TimesliceResults slice : context.timeslices()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("timeslice_index", slice.index());
            for (MetricResult result : slice.results()) {
                json.putIfAbsent(result.tag(), MetricJson.of(result));
            }
            slices.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timeslices", slices);
        json.put("input_config", InputConfigJson.of(config, context.benchmarkId()));
        return json;
    }

    static String csv(List<TimesliceResults> slices) {
        StringBuilder out = new StringBuilder();
        CsvText.row(out, List.of("Timeslice", "Metric", "Unit", "Stat", "Value"));
        for (TimesliceResults slice : slices) {
            String index = Integer.toString(slice.index());
            List<MetricResult> byTag = slice.results().stream().sorted(Comparator.comparing(MetricResult::tag)).toList();
            for (MetricResult result : byTag) {
                for (Statistic stat : STATS) {
                    Double value = result.get(stat);
                    if (value != null) {
                        CsvText.row(out, List.of(index, result.header(), result.unit(), stat.key(),
                                PythonNumbers.fixed2(value)));
                    }
                }
            }
        }
        return out.toString();
    }
}
