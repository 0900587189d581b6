package dev.aiperf.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiperf.export.ArtifactFiles;
import dev.aiperf.report.HtmlReport;
import dev.aiperf.report.StudyReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a study's {@code report.html} next to its aggregate files, from the same cell results and Pareto flags as
 * {@link SweepAggregate} (so the page and {@code profile_export_aiperf_sweep.json} agree) and the same confidence
 * statistics as {@link ConfidenceAggregate}.
 */
final class StudyReportWriter {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private StudyReportWriter() {
    }

    /**
     * Writes {@code dir/report.html}.
     *
     * @param plan  the study
     * @param cells each cell that ran with its results, in run order
     * @param runs  every run of the study (for their folders)
     */
    static Path write(StudyPlan plan, List<CellResult> cells, List<StudyRun> runs, Path dir) throws IOException {
        SweepAggregate sweep = new SweepAggregate(plan.parameters(), cells, plan.confidenceLevel());
        List<Boolean> pareto = sweep.paretoOptimal();
        List<StudyReport.Cell> reportCells = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            CellResult cell = cells.get(i);
            List<StudyReport.Run> cellRuns = new ArrayList<>();
            for (RunSummary summary : cell.runs()) {
                Path runDir = runs.stream().filter(r -> r.cell().label().equals(cell.label()) && r.succeeded()
                        && r.summary() == summary).map(StudyRun::dir).findFirst().orElseThrow();
                cellRuns.add(new StudyReport.Run(summary.label(), runDir, summary.values()));
            }
            reportCells.add(new StudyReport.Cell(cell.label(), cell.parameters(), cellRuns,
                    cell.failed().stream().map(f -> new StudyReport.Failure(f.label(), f.error())).toList(),
                    pareto.get(i), statistics(cell, plan.confidenceLevel())));
        }
        JsonNode first = firstSummary(runs);
        StudyReport.Study study = new StudyReport.Study(plan.parameters(), plan.runsPerCell(), plan.confidenceLevel(),
                SweepAggregate.THROUGHPUT, sweep.latencyKey(), reportCells,
                first == null ? null : first.get("input_config"),
                first == null ? null : first.path("aiperf_version").asText(null));
        return StudyReport.write(study, dir.resolve(HtmlReport.FILE_NAME), "light");
    }

    /** Every key all of the cell's runs measured: its mean alone for one run, its confidence statistics for more. */
    static List<StudyReport.Statistic> statistics(CellResult cell, double confidence) {
        List<StudyReport.Statistic> statistics = new ArrayList<>();
        for (String key : cell.keys()) {
            List<Double> values = cell.runs().stream().map(r -> r.values().get(key)).filter(v -> v != null).toList();
            if (values.size() != cell.runs().size() || values.isEmpty()) {
                continue;
            }
            String unit = cell.unit(key);
            if (values.size() == 1) {
                double v = values.getFirst();
                statistics.add(new StudyReport.Statistic(key, unit, 1, v, null, v, v, null, null, null));
            } else {
                ConfidenceStatistics s = ConfidenceStatistics.of(values, confidence, unit);
                statistics.add(new StudyReport.Statistic(key, unit, values.size(), s.mean(), s.std(), s.min(), s.max(),
                        s.cv(), s.ciLow(), s.ciHigh()));
            }
        }
        return statistics;
    }

    /** The first successful run's {@code profile_export_aiperf.json}, for the configuration; null when unreadable. */
    private static JsonNode firstSummary(List<StudyRun> runs) {
        for (StudyRun run : runs) {
            if (run.succeeded()) {
                try {
                    return JSON.readTree(run.dir().resolve(ArtifactFiles.DEFAULT.summaryJson()).toFile());
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Whether the study's runs write HTML reports ({@code --no-html-report} turns the study's off too). */
    static boolean wanted(StudyPlan plan) {
        return plan.cells().getFirst().config().output().htmlReport();
    }
}
