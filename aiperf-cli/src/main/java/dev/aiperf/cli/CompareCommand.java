package dev.aiperf.cli;

import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.compare.ComparisonJson;
import dev.aiperf.compare.RunComparison;
import dev.aiperf.console.ComparisonTable;
import dev.aiperf.console.ConsoleWidth;
import dev.aiperf.slo.SloGate;
import dev.aiperf.summary.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aiperf compare}: finished runs side by side, from their summary files (docs/compare.md). */
@Command(name = "compare", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Compare finished runs: each metric's statistics side by side, with the change of every run",
                "against the first (the baseline). '*' marks a change larger than the runs' own spread."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Compared.", "2:Usage error: fewer than two runs, a folder without a summary, a bad option."})
public final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "RUN",
            description = "Run artifact folders (or their profile_export_aiperf.json), the baseline first.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--stat", split = ",", paramLabel = "<stat>",
            description = "Statistics to compare (default: avg,p50,p90,p99). Scalar metrics always show avg.")
    List<String> statistics = new ArrayList<>(RunComparison.DEFAULT_STATISTICS);

    @Option(names = "--metric", split = ",", paramLabel = "<tag>",
            description = "Only these metric tags (default: every metric of any run).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--json", description = "Print the comparison as JSON for scripts.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String statistic : statistics) {
            if (!SloGate.STATISTICS.contains(statistic)) {
                throw new UsageException("--stat: unknown statistic '" + statistic + "'; valid: "
                        + String.join(", ", SloGate.STATISTICS));
            }
        }
        List<RunSummary> summaries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path run : runs) {
            try {
                summaries.add(RunSummary.read(run));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        summaries = distinctNames(summaries);
        LinkedHashSet<String> wanted = new LinkedHashSet<>(metrics);
        for (String tag : wanted) {
            if (summaries.stream().noneMatch(s -> s.tags().contains(tag))) {
                throw new UsageException("--metric: no run has the metric '" + tag + "'");
            }
        }
        RunComparison comparison = RunComparison.of(summaries, statistics, wanted);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ComparisonJson.of(comparison) : ComparisonTable.render(comparison, ConsoleWidth.detect()));
        out.flush();
        return 0;
    }

    /** Runs whose folders share a name are told apart by their position: "run (2)". */
    private static List<RunSummary> distinctNames(List<RunSummary> summaries) {
        List<RunSummary> named = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            RunSummary s = summaries.get(i);
            long same = summaries.stream().filter(o -> o.name().equals(s.name())).count();
            named.add(same > 1 ? new RunSummary(s.name() + " (" + (i + 1) + ")", s.source(), s.metrics()) : s);
        }
        return named;
    }
}
