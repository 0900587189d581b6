package dev.aiperf.study;

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
 * The cross-value analysis of a sweep (upstream {@code docs/api/sweep-aggregates.md}):
 * {@code profile_export_aiperf_sweep.json} and {@code .csv} with per-combination metrics, the best
 * configurations and the Pareto-optimal points (maximum {@code request_throughput_avg}, minimum p99 time to
 * first token, or p99 request latency when the endpoint does not stream), plus the console summary table
 * as {@code sweep_summary.txt}.
 *
 * @param parameters  every swept parameter with its values, in order
 * @param cells       each combination's results, in run order
 * @param confidence  the confidence level of the intervals (used when a cell has 2 or more runs)
 */
public record SweepAggregate(Map<String, List<Object>> parameters, List<CellResult> cells, double confidence) {
    public static final String JSON_FILE = "profile_export_aiperf_sweep.json";
    public static final String CSV_FILE = "profile_export_aiperf_sweep.csv";
    public static final String SUMMARY_FILE = "sweep_summary.txt";
    static final String THROUGHPUT = "request_throughput_avg";
    static final String TTFT_P99 = "time_to_first_token_p99";
    static final String LATENCY_P99 = "request_latency_p99";
    /** The columns of the wide CSV table, when measured: throughput and the usual latency percentiles. */
    static final List<String> CSV_METRICS = List.of(THROUGHPUT, "output_token_throughput_avg", "goodput_avg",
            "time_to_first_token_avg", "time_to_first_token_p50", "time_to_first_token_p90", TTFT_P99,
            "inter_token_latency_avg", "inter_token_latency_p50", "inter_token_latency_p90", "inter_token_latency_p99",
            "request_latency_avg", "request_latency_p50", "request_latency_p90", LATENCY_P99);

    public SweepAggregate {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        cells = List.copyOf(cells);
    }

    /** The latency key the Pareto analysis minimises: p99 TTFT when any cell measured it, else p99 latency. */
    public String latencyKey() {
        return cells.stream().anyMatch(c -> c.mean(TTFT_P99) != null) ? TTFT_P99 : LATENCY_P99;
    }

    /** One flag per cell: whether it is Pareto-optimal. */
    public List<Boolean> paretoOptimal() {
        String latency = latencyKey();
        return ParetoFrontier.optimal(cells.stream().map(c -> c.mean(THROUGHPUT)).toList(),
                cells.stream().map(c -> c.mean(latency)).toList());
    }

    /** Writes the JSON, the CSV and the summary table into {@code dir} (created if needed). */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON_FILE);
        Path csv = dir.resolve(CSV_FILE);
        Path summary = dir.resolve(SUMMARY_FILE);
        AtomicFile.writeString(json, JsonText.pretty(json()));
        AtomicFile.writeString(csv, csv());
        AtomicFile.writeString(summary, SweepSummaryTable.render(this));
        return List.of(json, csv, summary);
    }

    Map<String, Object> json() {
        int total = cells.stream().mapToInt(c -> c.runs().size() + c.failed().size()).sum();
        int successful = cells.stream().mapToInt(c -> c.runs().size()).sum();
        List<Map<String, Object>> failed = new ArrayList<>();
        for (CellResult cell : cells) {
            for (FailedRun f : cell.failed()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("label", cell.label() + "/" + f.label());
                entry.put("parameters", cell.parameters());
                entry.put("error", f.error());
                failed.add(entry);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("aggregation_type", "sweep");
        root.put("num_profile_runs", total);
        root.put("num_successful_runs", successful);
        root.put("failed_runs", failed);
        Map<String, Object> metadata = new LinkedHashMap<>();
        List<Map<String, Object>> sweepParameters = new ArrayList<>();
        parameters.forEach((name, values) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name);
            p.put("values", values);
            sweepParameters.add(p);
        });
        metadata.put("sweep_parameters", sweepParameters);
        metadata.put("num_combinations", cells.size());
        metadata.put("confidence_level", confidence);
        Map<String, Object> objectives = new LinkedHashMap<>();
        objectives.put("maximize", THROUGHPUT);
        objectives.put("minimize", latencyKey());
        metadata.put("pareto_objectives", objectives);
        root.put("metadata", metadata);
        List<Boolean> pareto = paretoOptimal();
        List<Map<String, Object>> perCombination = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            CellResult cell = cells.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("parameters", cell.parameters());
            entry.put("label", cell.label());
            entry.put("num_runs", cell.runs().size());
            entry.put("pareto_optimal", pareto.get(i));
            entry.put("metrics", cellMetrics(cell));
            perCombination.add(entry);
        }
        root.put("per_combination_metrics", perCombination);
        root.put("best_configurations", bestConfigurations());
        List<Map<String, Object>> optimal = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (pareto.get(i)) {
                optimal.add(cells.get(i).parameters());
            }
        }
        root.put("pareto_optimal", optimal);
        return root;
    }

    private Map<String, Object> cellMetrics(CellResult cell) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String key : cell.keys()) {
            List<Double> values = cell.runs().stream().map(r -> r.values().get(key)).filter(v -> v != null).toList();
            if (values.size() != cell.runs().size()) {
                continue;
            }
            if (values.size() >= 2) {
                metrics.put(key, ConfidenceAggregate.statisticsJson(
                        ConfidenceStatistics.of(values, confidence, cell.unit(key))));
            } else {
                Map<String, Object> single = new LinkedHashMap<>();
                single.put("mean", values.getFirst());
                single.put("unit", cell.unit(key));
                metrics.put(key, single);
            }
        }
        return metrics;
    }

    private Map<String, Object> bestConfigurations() {
        Map<String, Object> best = new LinkedHashMap<>();
        CellResult fastest = null;
        CellResult quickest = null;
        String latency = latencyKey();
        for (CellResult cell : cells) {
            Double t = cell.mean(THROUGHPUT);
            if (t != null && (fastest == null || t > fastest.mean(THROUGHPUT))) {
                fastest = cell;
            }
            Double l = cell.mean(latency);
            if (l != null && (quickest == null || l < quickest.mean(latency))) {
                quickest = cell;
            }
        }
        if (fastest != null) {
            best.put("best_throughput", best(fastest, THROUGHPUT));
        }
        if (quickest != null) {
            best.put("best_latency_p99", best(quickest, latency));
        }
        return best;
    }

    private static Map<String, Object> best(CellResult cell, String key) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("parameters", cell.parameters());
        entry.put("metric_key", key);
        entry.put("metric", cell.mean(key));
        entry.put("unit", cell.unit(key));
        return entry;
    }

    /** The sections of upstream's CSV: the wide per-combination table, best configurations, Pareto points, metadata. */
    String csv() {
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>(parameters.keySet());
        List<String> keys = CSV_METRICS.stream().filter(k -> cells.stream().anyMatch(c -> c.mean(k) != null)).toList();
        List<String> header = new ArrayList<>(names);
        for (String key : keys) {
            for (String stat : List.of("mean", "std", "min", "max", "cv")) {
                header.add(key + "_" + stat);
            }
        }
        header.add("pareto_optimal");
        CsvText.row(out, header);
        List<Boolean> pareto = paretoOptimal();
        for (int i = 0; i < cells.size(); i++) {
            CellResult cell = cells.get(i);
            List<String> row = parameterCells(cell, names);
            for (String key : keys) {
                row.addAll(statisticsCells(cell, key));
            }
            row.add(pareto.get(i) ? "true" : "false");
            CsvText.row(out, row);
        }
        out.append(CsvText.LINE_END);
        CsvText.row(out, List.of("Best Configurations"));
        List<String> bestHeader = new ArrayList<>(List.of("Configuration"));
        bestHeader.addAll(names);
        bestHeader.addAll(List.of("Metric", "Unit"));
        CsvText.row(out, bestHeader);
        bestConfigurations().forEach((name, value) -> {
            @SuppressWarnings("unchecked") Map<String, Object> best = (Map<String, Object>) value;
            List<String> row = new ArrayList<>(List.of(name.equals("best_throughput") ? "Best Throughput"
                    : "Best Latency P99"));
            @SuppressWarnings("unchecked") Map<String, Object> params = (Map<String, Object>) best.get("parameters");
            names.forEach(n -> row.add(String.valueOf(params.get(n))));
            row.add(PythonNumbers.fixed2((Double) best.get("metric")));
            row.add(String.valueOf(best.get("unit")));
            CsvText.row(out, row);
        });
        out.append(CsvText.LINE_END);
        CsvText.row(out, List.of("Pareto Optimal Points"));
        CsvText.row(out, names);
        for (int i = 0; i < cells.size(); i++) {
            if (pareto.get(i)) {
                CsvText.row(out, parameterCells(cells.get(i), names));
            }
        }
        out.append(CsvText.LINE_END);
        CsvText.row(out, List.of("Metadata"));
        CsvText.row(out, List.of("Field", "Value"));
        CsvText.row(out, List.of("Aggregation Type", "sweep"));
        CsvText.row(out, List.of("Sweep Parameters", String.join(";", names)));
        CsvText.row(out, List.of("Number of Combinations", Integer.toString(cells.size())));
        CsvText.row(out, List.of("Number of Profile Runs",
                Integer.toString(cells.stream().mapToInt(c -> c.runs().size() + c.failed().size()).sum())));
        CsvText.row(out, List.of("Number of Successful Runs",
                Integer.toString(cells.stream().mapToInt(c -> c.runs().size()).sum())));
        return out.toString();
    }

    private static List<String> parameterCells(CellResult cell, List<String> names) {
        List<String> row = new ArrayList<>();
        names.forEach(n -> row.add(String.valueOf(cell.parameters().get(n))));
        return row;
    }

    private List<String> statisticsCells(CellResult cell, String key) {
        List<Double> values = cell.runs().stream().map(r -> r.values().get(key)).filter(v -> v != null).toList();
        if (values.isEmpty()) {
            return List.of("", "", "", "", "");
        }
        if (values.size() == 1) {
            String v = PythonNumbers.fixed2(values.getFirst());
            return List.of(v, "", v, v, "");
        }
        ConfidenceStatistics s = ConfidenceStatistics.of(values, confidence, cell.unit(key));
        return List.of(PythonNumbers.fixed2(s.mean()), PythonNumbers.fixed2(s.std()), PythonNumbers.fixed2(s.min()),
                PythonNumbers.fixed2(s.max()), PythonNumbers.fixed4(s.cv()));
    }
}
