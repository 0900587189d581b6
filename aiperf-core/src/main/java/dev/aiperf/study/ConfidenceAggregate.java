package dev.aiperf.study;

import dev.aiperf.engine.Versions;
import dev.aiperf.export.AtomicFile;
import dev.aiperf.export.CsvText;
import dev.aiperf.export.JsonText;
import dev.aiperf.export.PythonNumbers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross-run statistics of repeated runs of one configuration (metrics spec §5.7, upstream §6.4):
 * {@code profile_export_aiperf_aggregate.json} and {@code .csv}, one entry per {@code <tag>_<stat>} key
 * measured by every successful run.
 *
 * @param runLabels       every run's label, in order ({@code run_0001}, ...)
 * @param successful      the successful runs' summaries
 * @param failed          the runs that produced no summary
 * @param confidenceLevel e.g. 0.95
 * @param cooldownSeconds the pause between runs
 * @param metrics         {@code <tag>_<stat>} to its statistics, in first-seen order
 */
public record ConfidenceAggregate(List<String> runLabels, List<RunSummary> successful, List<FailedRun> failed,
                                  double confidenceLevel, double cooldownSeconds,
                                  Map<String, ConfidenceStatistics> metrics) {
    public static final String JSON_FILE = "profile_export_aiperf_aggregate.json";
    public static final String CSV_FILE = "profile_export_aiperf_aggregate.csv";
    static final String SCHEMA_VERSION = "1.0";

    /** Fewer than two successful runs cannot give an interval: that is an {@link IllegalArgumentException}. */
    public static ConfidenceAggregate of(List<String> runLabels, List<RunSummary> successful, List<FailedRun> failed,
                                         double confidenceLevel, double cooldownSeconds) {
        if (successful.size() < 2) {
            throw new IllegalArgumentException("a confidence aggregate needs at least 2 successful runs, got "
                    + successful.size());
        }
        Map<String, ConfidenceStatistics> metrics = new LinkedHashMap<>();
        for (String key : successful.getFirst().values().keySet()) {
            List<Double> values = new ArrayList<>();
            for (RunSummary run : successful) {
                Double v = run.values().get(key);
                if (v != null) {
                    values.add(v);
                }
            }
            // A key some successful run lacks is left out rather than given a shorter, misleading interval.
            if (values.size() == successful.size()) {
                metrics.put(key, ConfidenceStatistics.of(values, confidenceLevel,
                        successful.getFirst().units().get(key)));
            }
        }
        return new ConfidenceAggregate(List.copyOf(runLabels), List.copyOf(successful), List.copyOf(failed),
                confidenceLevel, cooldownSeconds, metrics);
    }

    /** Writes both files into {@code dir} (created if needed), each atomically. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON_FILE);
        Path csv = dir.resolve(CSV_FILE);
        AtomicFile.writeString(json, JsonText.pretty(json()));
        AtomicFile.writeString(csv, csv());
        return List.of(json, csv);
    }

    Map<String, Object> json() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("aggregation_type", "confidence");
        metadata.put("num_profile_runs", runLabels.size());
        metadata.put("num_successful_runs", successful.size());
        List<Map<String, Object>> failures = new ArrayList<>();
        for (FailedRun f : failed) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", f.label());
            entry.put("error", f.error());
            failures.add(entry);
        }
        metadata.put("failed_runs", failures);
        metadata.put("confidence_level", confidenceLevel);
        metadata.put("cooldown_seconds", cooldownSeconds);
        metadata.put("run_labels", runLabels);
        Map<String, Object> body = new LinkedHashMap<>();
        metrics.forEach((key, s) -> body.put(key, statisticsJson(s)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("aiperf_version", Versions.aiperf());
        root.put("metadata", metadata);
        root.put("metrics", body);
        return root;
    }

    static Map<String, Object> statisticsJson(ConfidenceStatistics s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", s.mean());
        m.put("std", s.std());
        m.put("min", s.min());
        m.put("max", s.max());
        m.put("cv", s.cv());
        m.put("se", s.se());
        m.put("ci_low", s.ciLow());
        m.put("ci_high", s.ciHigh());
        m.put("t_critical", s.tCritical());
        m.put("unit", s.unit());
        return m;
    }

    /** Header, one row per key (2 decimals; cv, se and t_critical 4), a blank row, then the metadata rows. */
    String csv() {
        StringBuilder out = new StringBuilder();
        CsvText.row(out, List.of("metric", "mean", "std", "min", "max", "cv", "se", "ci_low", "ci_high", "t_critical",
                "unit"));
        metrics.forEach((key, s) -> CsvText.row(out, List.of(key, PythonNumbers.fixed2(s.mean()),
                PythonNumbers.fixed2(s.std()), PythonNumbers.fixed2(s.min()), PythonNumbers.fixed2(s.max()),
                PythonNumbers.fixed4(s.cv()), PythonNumbers.fixed4(s.se()), PythonNumbers.fixed2(s.ciLow()),
                PythonNumbers.fixed2(s.ciHigh()), PythonNumbers.fixed4(s.tCritical()), s.unit())));
        out.append(CsvText.LINE_END);
        CsvText.row(out, List.of("Aggregation Type", "confidence"));
        CsvText.row(out, List.of("Total Runs", Integer.toString(runLabels.size())));
        CsvText.row(out, List.of("Successful Runs", Integer.toString(successful.size())));
        CsvText.row(out, List.of("Confidence Level", PythonNumbers.repr(confidenceLevel)));
        CsvText.row(out, List.of("Cooldown Seconds", PythonNumbers.repr(cooldownSeconds)));
        return out.toString();
    }
}
