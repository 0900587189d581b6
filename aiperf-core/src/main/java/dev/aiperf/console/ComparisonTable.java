package dev.aiperf.console;

import dev.aiperf.compare.ComparedStatistic;
import dev.aiperf.compare.RunComparison;
import dev.aiperf.export.PythonNumbers;
import dev.aiperf.summary.RunSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code aiperf compare} on the console: one row per metric statistic, each run's value, and for
 * every run after the baseline its delta and percentage change; a {@code *} marks a change larger
 * than the runs' own spread. Boxes and numbers as the metrics table.
 */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    public static String render(RunComparison comparison, int width) {
        List<RunSummary> runs = comparison.runs();
        List<TextTable.Column> columns = new ArrayList<>();
        columns.add(new TextTable.Column("Metric", TextTable.Justify.RIGHT, true));
        columns.add(new TextTable.Column("stat", TextTable.Justify.LEFT, false));
        for (int i = 0; i < runs.size(); i++) {
            columns.add(new TextTable.Column(runs.get(i).name() + (i == 0 ? " (base)" : ""), TextTable.Justify.RIGHT,
                    true));
            if (i > 0) {
                columns.add(new TextTable.Column("Δ", TextTable.Justify.RIGHT, false));
                columns.add(new TextTable.Column("Δ%", TextTable.Justify.RIGHT, false));
            }
        }
        TextTable table = new TextTable("Comparison", columns);
        String previousMetric = null;
        for (ComparedStatistic s : comparison.statistics()) {
            List<String> row = new ArrayList<>();
            boolean first = !s.metric().equals(previousMetric);
            row.add(first ? s.metric() + (s.unit().isEmpty() ? "" : " (" + s.unit() + ")") : "");
            previousMetric = s.metric();
            row.add(s.statistic());
            for (int i = 0; i < runs.size(); i++) {
                row.add(number(s.values().get(i)));
                if (i > 0) {
                    Double delta = s.deltas().get(i);
                    row.add(delta == null ? "N/A" : (delta >= 0 ? "+" : "") + PythonNumbers.grouped2(delta));
                    Double percent = s.percentChanges().get(i);
                    String mark = Boolean.TRUE.equals(s.beyondSpread().get(i)) ? " *" : "  ";
                    row.add(percent == null ? "N/A  " : String.format(Locale.ROOT, "%+.1f%%", percent) + mark);
                }
            }
            table.addRow(row);
        }
        return table.render(width)
                + "* the change is larger than the runs' own spread (the larger of the two runs' std of that metric)\n";
    }

    private static String number(Double value) {
        return value == null ? "N/A" : PythonNumbers.grouped2(value);
    }
}
