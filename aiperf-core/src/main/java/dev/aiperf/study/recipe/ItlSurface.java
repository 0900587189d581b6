package dev.aiperf.study.recipe;

import dev.aiperf.export.PythonNumbers;
import dev.aiperf.study.CellResult;
import dev.aiperf.study.SweepAggregate;
import dev.aiperf.study.SweepPostProcess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Upstream's {@code itl_surface_fit} ({@code decode-itl-curve}): the measured ITL at every (concurrency, output
 * length) cell as an axis-aligned grid, nothing interpolated (a cell that measured nothing stays null). Writes
 * {@code decode_itl_surface.json}: {@code swept_metric}, {@code stat}, {@code swept_params},
 * {@code raw_points[{concurrency, osl, itl_ms}]}, {@code surface{concurrency_axis, osl_axis, itl_grid}} with
 * {@code itl_grid[i][j]} at {@code concurrency_axis[i]}, {@code osl_axis[j]}, and {@code surface_fit_failed}
 * (true, with {@code error_reason}, when fewer than 2 cells measured a finite, non-negative ITL).
 *
 * @param metricTag the metric, {@code inter_token_latency}
 * @param stat      its statistic, {@code avg}
 */
public record ItlSurface(String metricTag, String stat) implements SweepPostProcess {
    public static final String FILE = "decode_itl_surface.json";

    private record Triple(double concurrency, double osl, double itl) {
    }

    @Override
    public String handler() {
        return "itl_surface_fit";
    }

    @Override
    public String outputFile() {
        return FILE;
    }

    @Override
    public Map<String, Object> process(SweepAggregate sweep) {
        List<Triple> triples = new ArrayList<>();
        int candidates = 0;
        for (CellResult cell : sweep.cells()) {
            Object c = cell.parameters().get("concurrency");
            Object o = cell.parameters().get("osl");
            Double v = cell.mean(metricTag + "_" + stat);
            if (!(c instanceof Number concurrency) || !(o instanceof Number osl) || v == null) {
                continue;
            }
            candidates++;
            if (Double.isFinite(v) && v >= 0) {
                triples.add(new Triple(concurrency.doubleValue(), osl.doubleValue(), v));
            }
        }
        if (candidates == 0) {
            throw new IllegalArgumentException(SweepPoints.missing(handler(), "concurrency × osl", metricTag, stat));
        }
        triples.sort(Comparator.comparingDouble(Triple::concurrency).thenComparingDouble(Triple::osl));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("swept_metric", metricTag);
        out.put("stat", stat);
        out.put("swept_params", List.of(RecipePaths.path("concurrency"), RecipePaths.path("osl")));
        List<Map<String, Object>> raw = new ArrayList<>();
        for (Triple t : triples) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("concurrency", t.concurrency());
            point.put("osl", t.osl());
            point.put("itl_ms", t.itl());
            raw.add(point);
        }
        out.put("raw_points", raw);
        Map<String, Object> surface = new LinkedHashMap<>();
        boolean failed = triples.size() < 2;
        List<Double> concurrencyAxis = failed ? List.of()
                : List.copyOf(new TreeSet<>(triples.stream().map(Triple::concurrency).toList()));
        List<Double> oslAxis = failed ? List.of()
                : List.copyOf(new TreeSet<>(triples.stream().map(Triple::osl).toList()));
        List<List<Double>> grid = new ArrayList<>();
        for (double c : concurrencyAxis) {
            List<Double> row = new ArrayList<>();
            for (double o : oslAxis) {
                row.add(triples.stream().filter(t -> t.concurrency() == c && t.osl() == o).map(Triple::itl)
                        .findFirst().orElse(null));
            }
            grid.add(row);
        }
        surface.put("concurrency_axis", concurrencyAxis);
        surface.put("osl_axis", oslAxis);
        surface.put("itl_grid", grid);
        out.put("surface", surface);
        out.put("surface_fit_failed", failed);
        if (failed) {
            out.put("error_reason", handler() + ": fewer than 2 cells measured a finite, non-negative " + metricTag
                    + " (kept " + triples.size() + " of " + candidates + ")");
        }
        return out;
    }

    @Override
    public String report(Map<String, Object> artifact) {
        StringBuilder out = new StringBuilder();
        if (Boolean.TRUE.equals(artifact.get("surface_fit_failed"))) {
            return out.append("Answer: no ITL surface: ").append(artifact.get("error_reason")).append('\n').toString();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> surface = (Map<String, Object>) artifact.get("surface");
        @SuppressWarnings("unchecked")
        List<Double> concurrencyAxis = (List<Double>) surface.get("concurrency_axis");
        @SuppressWarnings("unchecked")
        List<Double> oslAxis = (List<Double>) surface.get("osl_axis");
        @SuppressWarnings("unchecked")
        List<List<Double>> grid = (List<List<Double>>) surface.get("itl_grid");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) artifact.get("raw_points");
        Map<String, Object> low = raw.stream().min(Comparator.comparingDouble(p -> (Double) p.get("itl_ms"))).get();
        Map<String, Object> high = raw.stream().max(Comparator.comparingDouble(p -> (Double) p.get("itl_ms"))).get();
        out.append("Answer: ").append(metricTag).append(' ').append(stat).append(" from ")
                .append(PythonNumbers.fixed2((Double) low.get("itl_ms"))).append(" ms (concurrency ")
                .append(whole(low.get("concurrency"))).append(", osl ").append(whole(low.get("osl"))).append(") to ")
                .append(PythonNumbers.fixed2((Double) high.get("itl_ms"))).append(" ms (concurrency ")
                .append(whole(high.get("concurrency"))).append(", osl ").append(whole(high.get("osl"))).append(")\n");
        out.append("Decode ITL surface (").append(metricTag).append(' ').append(stat)
                .append(", ms; rows concurrency, columns osl):\n");
        out.append(String.format("  %12s", "conc \\ osl"));
        oslAxis.forEach(o -> out.append(String.format("%10s", whole(o))));
        out.append('\n');
        for (int i = 0; i < concurrencyAxis.size(); i++) {
            out.append(String.format("  %12s", whole(concurrencyAxis.get(i))));
            for (Double v : grid.get(i)) {
                out.append(String.format("%10s", v == null ? "-" : PythonNumbers.fixed2(v)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String whole(Object value) {
        return Long.toString(Math.round(((Number) value).doubleValue()));
    }
}
