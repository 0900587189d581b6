package dev.aiperf.study.recipe;

import dev.aiperf.export.PythonNumbers;
import dev.aiperf.study.CellResult;
import dev.aiperf.study.ParetoFrontier;
import dev.aiperf.study.SweepAggregate;
import dev.aiperf.study.SweepPostProcess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code pareto_sweep_export} ({@code pareto-sweep}): every cell's (x, y), x a latency to minimise
 * and y a throughput to maximise, with a {@code pareto_optimal} flag: no other cell has x at most as high and y at
 * least as high, strictly better in one. Writes {@code pareto_sweep.json}: {@code x_metric}, {@code x_stat},
 * {@code y_metric}, {@code y_stat} and {@code cells[{isl, osl, concurrency, x, y, pareto_optimal}]}.
 *
 * @param xMetric latency metric, {@code time_to_first_token}
 * @param xStat   its statistic, {@code p95}
 * @param yMetric throughput metric, {@code output_token_throughput}
 * @param yStat   its statistic, {@code avg}
 */
public record ParetoSweepExport(String xMetric, String xStat, String yMetric, String yStat)
        implements SweepPostProcess {
    public static final String FILE = "pareto_sweep.json";

    @Override
    public String handler() {
        return "pareto_sweep_export";
    }

    @Override
    public String outputFile() {
        return FILE;
    }

    @Override
    public Map<String, Object> process(SweepAggregate sweep) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (CellResult cell : sweep.cells()) {
            Double x = cell.mean(xMetric + "_" + xStat);
            Double y = cell.mean(yMetric + "_" + yStat);
            if (x == null || y == null || !cell.parameters().keySet().containsAll(List.of("isl", "osl",
                    "concurrency"))) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("isl", cell.parameters().get("isl"));
            entry.put("osl", cell.parameters().get("osl"));
            entry.put("concurrency", cell.parameters().get("concurrency"));
            entry.put("x", x);
            entry.put("y", y);
            entry.put("pareto_optimal", false);
            cells.add(entry);
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException(handler() + ": no cell measured both " + xMetric + " " + xStat + " and "
                    + yMetric + " " + yStat + " (they need --streaming and successful requests)");
        }
        // A non-finite value is kept in the file but can be neither optimal nor dominate (null to the frontier).
        List<Boolean> optimal = ParetoFrontier.optimal(
                cells.stream().map(c -> finite((Double) c.get("y"))).toList(),
                cells.stream().map(c -> finite((Double) c.get("x"))).toList());
        for (int i = 0; i < cells.size(); i++) {
            cells.get(i).put("pareto_optimal", optimal.get(i));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("x_metric", xMetric);
        out.put("x_stat", xStat);
        out.put("y_metric", yMetric);
        out.put("y_stat", yStat);
        out.put("cells", cells);
        return out;
    }

    private static Double finite(Double value) {
        return value != null && Double.isFinite(value) ? value : null;
    }

    @Override
    public String report(Map<String, Object> artifact) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cells = new ArrayList<>((List<Map<String, Object>>) artifact.get("cells"));
        long optimal = cells.stream().filter(c -> Boolean.TRUE.equals(c.get("pareto_optimal"))).count();
        StringBuilder out = new StringBuilder();
        out.append("Answer: ").append(optimal).append(" of ").append(cells.size())
                .append(" cells are Pareto-optimal (no other has both lower ").append(xMetric).append(' ')
                .append(xStat).append(" and higher ").append(yMetric).append(")\n");
        out.append(String.format("Pareto frontier (* optimal), by %s %s:%n", xMetric, xStat));
        out.append(String.format("    %6s %6s %6s %14s %16s%n", "isl", "osl", "conc", xStat + " ms", "out tok/s"));
        cells.sort(Comparator.comparingDouble(c -> (Double) c.get("x")));
        for (Map<String, Object> c : cells) {
            out.append(String.format("  %s %6s %6s %6s %14s %16s%n",
                    Boolean.TRUE.equals(c.get("pareto_optimal")) ? "*" : " ", c.get("isl"), c.get("osl"),
                    c.get("concurrency"), PythonNumbers.fixed2((Double) c.get("x")),
                    PythonNumbers.fixed2((Double) c.get("y"))));
        }
        return out.toString();
    }
}
