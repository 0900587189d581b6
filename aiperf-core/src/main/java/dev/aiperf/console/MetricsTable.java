package dev.aiperf.console;

import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import dev.aiperf.export.PythonNumbers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A table of metric results in the original's console layout (metrics spec §6): a right-aligned
 * {@code Metric} column, then avg, min, max, p99, p90, p50 and std with thousands separators and
 * two decimals, {@code N/A} where a statistic does not apply. Rows are sorted by display order.
 */
final class MetricsTable {
    static final List<Statistic> COLUMNS = List.of(Statistic.AVG, Statistic.MIN, Statistic.MAX, Statistic.P99,
            Statistic.P90, Statistic.P50, Statistic.STD);
    /** Headers longer than this put their unit on a second line. */
    private static final int HEADER_WRAP = 30;

    private MetricsTable() {
    }

    static String render(String title, List<MetricResult> results, int width) {
        List<TextTable.Column> columns = new ArrayList<>();
        columns.add(new TextTable.Column("Metric", TextTable.Justify.RIGHT, true));
        COLUMNS.forEach(s -> columns.add(new TextTable.Column(s.key(), TextTable.Justify.RIGHT, false)));
        TextTable table = new TextTable(title, columns);
        // a stable sort: equal display orders keep result order
        List<MetricResult> sorted = results.stream().sorted(Comparator.comparingInt(
                (MetricResult r) -> r.displayOrder() == null ? Integer.MAX_VALUE : r.displayOrder())).toList();
        for (MetricResult result : sorted) {
            List<String> row = new ArrayList<>();
            row.add(metricCell(result));
            for (Statistic statistic : COLUMNS) {
                Double value = result.get(statistic);
                row.add(value == null ? "N/A" : PythonNumbers.grouped2(value));
            }
            table.addRow(row);
        }
        return table.render(width);
    }

    static String metricCell(MetricResult result) {
        String separator = result.header().length() > HEADER_WRAP ? "\n" : " ";
        return result.header() + separator + "(" + result.unit() + ")";
    }
}
