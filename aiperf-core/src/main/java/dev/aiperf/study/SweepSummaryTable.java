package dev.aiperf.study;

import dev.aiperf.export.PythonNumbers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The console table of a sweep: one row per combination with throughput and latency percentiles,
 * Pareto-optimal rows marked with {@code *}. Values are means over the cell's runs.
 */
public final class SweepSummaryTable {
    private record Column(String title, Function<CellResult, String> value) {
    }

    private SweepSummaryTable() {
    }

    /** The table as lines of text, ending with a legend line. */
    public static String render(SweepAggregate sweep) {
        List<Column> columns = new ArrayList<>();
        for (String name : sweep.parameters().keySet()) {
            columns.add(new Column(name, c -> String.valueOf(c.parameters().get(name))));
        }
        columns.add(new Column("runs", c -> Integer.toString(c.runs().size())));
        columns.add(metric("req/s", "request_throughput_avg"));
        columns.add(metric("out tok/s", "output_token_throughput_avg"));
        if (sweep.cells().stream().anyMatch(c -> c.mean("goodput_avg") != null)) {
            columns.add(metric("goodput", "goodput_avg"));
        }
        if (sweep.cells().stream().anyMatch(c -> c.mean("time_to_first_token_p50") != null)) {
            columns.add(metric("TTFT p50 ms", "time_to_first_token_p50"));
            columns.add(metric("TTFT p99 ms", "time_to_first_token_p99"));
            columns.add(metric("ITL p50 ms", "inter_token_latency_p50"));
        }
        columns.add(metric("latency p50 ms", "request_latency_p50"));
        columns.add(metric("latency p99 ms", "request_latency_p99"));
        List<Boolean> pareto = sweep.paretoOptimal();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < sweep.cells().size(); i++) {
            CellResult cell = sweep.cells().get(i);
            List<String> row = new ArrayList<>();
            row.add(pareto.get(i) ? "*" : "");
            columns.forEach(col -> row.add(col.value().apply(cell)));
            rows.add(row);
        }
        List<String> header = new ArrayList<>();
        header.add("");
        columns.forEach(c -> header.add(c.title()));
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Sweep summary (").append(sweep.cells().size()).append(" combinations)").append('\n');
        line(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        line(out, rule, widths);
        rows.forEach(r -> line(out, r, widths));
        out.append("Rows marked * are Pareto-optimal: no other combination has both higher request throughput and")
                .append(" lower ").append(sweep.latencyKey().replace('_', ' ')).append('\n');
        return out.toString();
    }

    private static Column metric(String title, String key) {
        return new Column(title, c -> {
            Double v = c.mean(key);
            return v == null ? "N/A" : PythonNumbers.grouped2(v);
        });
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i > 0) {
                out.append("  ");
            }
            // Parameter and mark columns left-aligned, numbers right-aligned.
            out.append(i == 0 ? cell + " ".repeat(widths[i] - cell.length())
                    : " ".repeat(widths[i] - cell.length()) + cell);
        }
        out.append('\n');
    }
}
