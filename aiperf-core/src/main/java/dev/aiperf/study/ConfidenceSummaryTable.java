package dev.aiperf.study;

import dev.aiperf.export.PythonNumbers;

import java.util.List;

/**
 * The console view of a confidence aggregate: the usual throughput and latency figures as
 * {@code mean ± half-width} of the confidence interval, with the coefficient of variation.
 */
public final class ConfidenceSummaryTable {
    private static final List<String[]> ROWS = List.of(
            new String[]{"request_throughput_avg", "Request throughput (req/s)"},
            new String[]{"output_token_throughput_avg", "Output token throughput (tok/s)"},
            new String[]{"goodput_avg", "Goodput (req/s)"},
            new String[]{"time_to_first_token_p50", "TTFT p50 (ms)"},
            new String[]{"time_to_first_token_p99", "TTFT p99 (ms)"},
            new String[]{"inter_token_latency_p50", "ITL p50 (ms)"},
            new String[]{"request_latency_p50", "Request latency p50 (ms)"},
            new String[]{"request_latency_p99", "Request latency p99 (ms)"});

    private ConfidenceSummaryTable() {
    }

    /** Lines of text, headed by what the intervals are. */
    public static String render(String title, ConfidenceAggregate aggregate) {
        StringBuilder out = new StringBuilder();
        out.append(title).append(": ").append(aggregate.successful().size()).append(" runs, mean ± ")
                .append(PythonNumbers.general(aggregate.confidenceLevel() * 100)).append("% confidence interval\n");
        int width = ROWS.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        for (String[] row : ROWS) {
            ConfidenceStatistics s = aggregate.metrics().get(row[0]);
            if (s == null) {
                continue;
            }
            out.append("  ").append(row[1]).append(" ".repeat(width - row[1].length())).append("  ")
                    .append(String.format("%12s ± %-10s cv %s", PythonNumbers.grouped2(s.mean()),
                            PythonNumbers.grouped2(s.ciHigh() - s.mean()), PythonNumbers.fixed4(s.cv())))
                    .append('\n');
        }
        return out.toString();
    }
}
