package dev.aiperf.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.export.AtomicFile;
import dev.aiperf.metrics.MetricCatalog;
import dev.aiperf.metrics.MetricDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html} of a study (a sweep, or one configuration run several times): throughput against latency
 * per cell with the Pareto front and the confidence intervals of repeated runs, a table of the cells, every
 * metric's cross-run statistics, the configuration (redacted) and a link to each run's own report. The study
 * computes the numbers (the same as its aggregate files); this class only lays them out, in the same
 * self-contained page as a run's report.
 */
public final class StudyReport {
    private StudyReport() {
    }

    /**
     * Cross-run statistics of one {@code <tag>_<stat>} key in one cell; with one run only {@code mean} is set.
     *
     * @param key    e.g. {@code time_to_first_token_p99}
     * @param unit   the metric's display unit, or null
     * @param n      runs that measured it
     * @param mean   mean over the runs (the value itself for one run)
     * @param std    sample standard deviation, or null for one run
     * @param min    smallest run's value
     * @param max    largest run's value
     * @param cv     coefficient of variation, or null (one run, or a mean of 0)
     * @param ciLow  lower end of the confidence interval, or null for one run
     * @param ciHigh upper end, or null
     */
    public record Statistic(String key, String unit, int n, double mean, Double std, double min, double max, Double cv,
                            Double ciLow, Double ciHigh) {
    }

    /**
     * One run of a cell.
     *
     * @param label  {@code run_0001}, {@code trial_0002} or the cell's own label
     * @param dir    its artifact folder
     * @param values its {@code <tag>_<stat>} values
     */
    public record Run(String label, Path dir, Map<String, Double> values) {
    }

    /** A run of a cell that produced no summary, and why. */
    public record Failure(String label, String error) {
    }

    /**
     * One cell: a combination of the swept values.
     *
     * @param label         its folder name, e.g. {@code concurrency_4}
     * @param parameters    parameter name to value
     * @param runs          its successful runs
     * @param failed        its failed runs
     * @param paretoOptimal whether it is on the Pareto front of the study's objectives
     * @param statistics    each key its runs measured, in the runs' order
     */
    public record Cell(String label, Map<String, Object> parameters, List<Run> runs, List<Failure> failed,
                       boolean paretoOptimal, List<Statistic> statistics) {
        public Cell {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            runs = List.copyOf(runs);
            failed = List.copyOf(failed);
            statistics = List.copyOf(statistics);
        }
    }

    /**
     * A study.
     *
     * @param parameters      swept parameter names and their values (empty when one configuration was repeated)
     * @param runsPerCell     {@code --num-profile-runs}
     * @param confidenceLevel the level of the intervals, e.g. 0.95
     * @param throughputKey   the key the Pareto analysis maximises ({@code request_throughput_avg})
     * @param latencyKey      the key it minimises ({@code time_to_first_token_p99}, or {@code request_latency_p99})
     * @param cells           the cells that ran, in run order
     * @param config          the first run's {@code input_config} (redacted again here), or null
     * @param aiperfVersion   the version that ran it, or null
     */
    public record Study(Map<String, List<Object>> parameters, int runsPerCell, double confidenceLevel,
                        String throughputKey, String latencyKey, List<Cell> cells, JsonNode config,
                        String aiperfVersion) {
        public Study {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            cells = List.copyOf(cells);
        }
    }

    /** Writes the study's report to {@code file} (atomically); links to the runs' reports are relative to it. */
    public static Path write(Study study, Path file, String theme) throws IOException {
        String title = title(study);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", title);
        data.put("theme", theme);
        data.put("generated_at", HtmlReport.generatedAt());
        data.put("aiperf_version", study.aiperfVersion());
        data.put("runs", List.of());
        data.put("comparison", null);
        data.put("study", studyJson(study, file.toAbsolutePath().normalize().getParent()));
        AtomicFile.write(file, out -> HtmlReport.writePage(title, data, out));
        return file;
    }

    static String title(Study study) {
        if (study.parameters().isEmpty()) {
            return "AIPerf report - " + study.runsPerCell() + " runs of one configuration";
        }
        return "AIPerf report - sweep of " + String.join(", ", study.parameters().keySet()) + " ("
                + study.cells().size() + " combinations" + (study.runsPerCell() > 1 ? " × " + study.runsPerCell()
                + " runs" : "") + ")";
    }

    private static Map<String, Object> studyJson(Study study, Path reportDir) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> parameters = new ArrayList<>();
        study.parameters().forEach((name, values) -> parameters.add(Map.of("name", name, "values", values)));
        json.put("parameters", parameters);
        json.put("runs_per_cell", study.runsPerCell());
        json.put("confidence_level", study.confidenceLevel());
        json.put("throughput_key", study.throughputKey());
        json.put("latency_key", study.latencyKey());
        json.put("headers", headers(study));
        JsonNode config = ConfigRedaction.redact(study.config());
        json.put("config", config);
        json.put("cli_command", config == null ? null : config.path("cli_command").asText(null));
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Cell cell : study.cells()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("label", cell.label());
            c.put("parameters", cell.parameters());
            c.put("pareto_optimal", cell.paretoOptimal());
            Map<String, Object> statistics = new LinkedHashMap<>();
            cell.statistics().forEach(s -> statistics.put(s.key(), statisticJson(s)));
            c.put("statistics", statistics);
            List<Map<String, Object>> runs = new ArrayList<>();
            for (Run run : cell.runs()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("label", run.label());
                r.put("dir", link(reportDir, run.dir()));
                Path report = run.dir().resolve(HtmlReport.FILE_NAME);
                r.put("report", Files.isRegularFile(report) ? link(reportDir, report) : null);
                r.put("throughput", run.values().get(study.throughputKey()));
                r.put("latency", run.values().get(study.latencyKey()));
                runs.add(r);
            }
            c.put("runs", runs);
            c.put("failed", cell.failed().stream().map(f -> Map.of("label", f.label(), "error", f.error())).toList());
            cells.add(c);
        }
        json.put("cells", cells);
        return json;
    }

    /** The display name of every key of the study, {@code Time to First Token p99}. */
    private static Map<String, String> headers(Study study) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Cell cell : study.cells()) {
            for (Statistic s : cell.statistics()) {
                headers.computeIfAbsent(s.key(), StudyReport::header);
            }
        }
        return headers;
    }

    private static String header(String key) {
        int cut = key.lastIndexOf('_');
        if (cut <= 0) {
            return ReportData.headerOf(key);
        }
        String tag = key.substring(0, cut);
        String stat = key.substring(cut + 1);
        return MetricCatalog.definition(tag).map(MetricDefinition::header).orElseGet(() -> ReportData.headerOf(tag))
                + " " + stat;
    }

    private static Map<String, Object> statisticJson(Statistic s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unit", s.unit());
        json.put("n", s.n());
        json.put("mean", finite(s.mean()));
        json.put("std", finite(s.std()));
        json.put("min", finite(s.min()));
        json.put("max", finite(s.max()));
        json.put("cv", finite(s.cv()));
        json.put("ci_low", finite(s.ciLow()));
        json.put("ci_high", finite(s.ciHigh()));
        return json;
    }

    private static Double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }

    /** {@code target} relative to the report's folder, with forward slashes (a URL path). */
    private static String link(Path reportDir, Path target) {
        Path relative = reportDir.relativize(target.toAbsolutePath().normalize());
        return relative.toString().replace('\\', '/');
    }
}
