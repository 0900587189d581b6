package dev.aiperf.study;

import dev.aiperf.export.PythonNumbers;

import dev.aiperf.engine.BenchmarkRunner;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.nio.file.Path;
import java.util.List;

/** Prints a study's progress as {@code aiperf: run 2/4: concurrency=4} lines, and its tables, to given streams. */
public final class StudyProgressPrinter implements StudyListener {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean showTable;
    private final Set<String> announced = new HashSet<>();

    /**
     * Tables to {@code out}, progress lines to {@code err} (like every other progress line of a run).
     *
     * @param showTable print the sweep summary table ({@code --no-sweep-table} turns it off)
     */
    public StudyProgressPrinter(PrintStream out, PrintStream err, boolean showTable) {
        this.out = out;
        this.err = err;
        this.showTable = showTable;
    }

    /** A third-party plugin in the study is never silent: one line each, the first time a run uses it. */
    @Override
    public void runPrepared(int index, BenchmarkRunner.Prepared prepared) {
        prepared.usedPlugins().stream().filter(p -> !p.builtin()).filter(p -> announced.add(p.announcement()))
                .forEach(p -> err.println("aiperf: plugin " + p.announcement()));
    }

    @Override
    public void runStarting(int index, int total, StudyCell cell, String runLabel, Path dir) {
        String what = cell.parameters().isEmpty() ? runLabel : cell.describe()
                + (dir.toString().contains("trial_") ? " (" + runLabel + ")" : "");
        err.println("aiperf: run " + index + "/" + total + ": " + what + " -> " + dir);
    }

    @Override
    public void runFinished(StudyRun run) {
        if (run.failure() != null) {
            err.println("aiperf: run " + run.index() + "/" + run.total() + " failed: " + run.failure());
        }
    }

    @Override
    public void coolingDown(double seconds) {
        err.println("aiperf: cooling down for " + PythonNumbers.general(seconds) + " s");
    }

    @Override
    public void aggregateWritten(String what, List<Path> files) {
        files.forEach(f -> out.println(what + ": " + f));
    }

    @Override
    public void aggregateSkipped(String what, String reason) {
        err.println("aiperf: warning: no " + what + ": " + reason);
    }

    @Override
    public void summaryTable(String text) {
        if (!showTable) {
            return;
        }
        out.println();
        out.print(text);
    }

    /** Printed even with {@code --no-sweep-table}: the answer is what the user asked for. */
    @Override
    public void recipeAnswered(String report, Path artifact) {
        out.println();
        out.print(report.endsWith("\n") ? report : report + "\n");
        out.println("Recipe artifact: " + artifact);
    }

    @Override
    public void interrupted(int finished, int planned) {
        err.println("aiperf: study interrupted after " + finished + " of " + planned
                + " runs; the aggregates below cover only the finished runs");
    }

    @Override
    public void probeJudged(SlaProbe probe, List<SlaFilter> filters) {
        StringBuilder line = new StringBuilder("aiperf: probe ").append(probe.index() + 1).append(": ")
                .append(probe.cell().parameters().keySet().iterator().next()).append('=').append(probe.value())
                .append(probe.passed() ? ": SLA met" : ": SLA broken");
        if (probe.failure() != null) {
            line.append(" (run failed: ").append(probe.failure()).append(')');
        }
        for (int i = 0; i < filters.size(); i++) {
            Double v = probe.observed().get(i);
            line.append(i == 0 ? " (" : ", ").append(filters.get(i).describe()).append(": ")
                    .append(v == null ? "not measured" : PythonNumbers.general(v))
                    .append(filters.get(i).holds(v) ? " ok" : " BROKEN");
        }
        err.println(line.append(filters.isEmpty() ? "" : ")"));
    }

    @Override
    public void searchFinished(SlaSearchPlan plan, SlaSearchOutcome outcome) {
        out.println();
        out.println("SLA search over " + plan.parameter() + " " + plan.low() + ".." + plan.high() + " ("
                + String.join(", ", plan.filters().stream().map(SlaFilter::describe).toList()) + ")");
        for (SlaProbe probe : outcome.probes().stream()
                .sorted(java.util.Comparator.comparingLong(SlaProbe::value)).toList()) {
            StringBuilder row = new StringBuilder(String.format("  %s=%-6d %-6s", plan.parameter(), probe.value(),
                    probe.passed() ? "pass" : "FAIL"));
            row.append(String.format(" %10s %s", probe.objective() == null ? "N/A"
                    : PythonNumbers.fixed2(probe.objective()), plan.objective().equals(SearchObjective.DEFAULT)
                    ? "req/s" : plan.objective().metric() + " " + plan.objective().stat()));
            for (int i = 0; i < plan.filters().size(); i++) {
                Double v = probe.observed().get(i);
                SlaFilter f = plan.filters().get(i);
                row.append("  ").append(f.tag().equals(SlaFilter.GOOD_REQUEST_FRACTION) ? f.tag()
                        : f.tag() + " " + f.stat()).append('=').append(v == null ? "N/A" : PythonNumbers.general(v));
            }
            out.println(row);
        }
        String answer = outcome.highestPassing() == null
                ? "no " + plan.parameter() + " in " + plan.low() + ".." + plan.high() + " meets the SLA"
                : "highest " + plan.parameter() + " meeting the SLA: " + outcome.highestPassing()
                + (outcome.lowestFailing() == null ? " (the upper bound of the search; it may go higher)"
                : " (" + outcome.lowestFailing() + " breaks it)");
        out.println((outcome.interrupted() ? "Interrupted; so far the " : "Answer: ") + answer
                + (outcome.convergenceReason() == null ? "" : " [" + outcome.convergenceReason() + "]"));
        if (!plan.objective().equals(SearchObjective.DEFAULT)) {
            java.util.Comparator<SlaProbe> byObjective = java.util.Comparator.comparingDouble(SlaProbe::objective);
            outcome.probes().stream().filter(SlaProbe::passed).filter(p -> p.objective() != null)
                    .max(plan.objective().maximize() ? byObjective : byObjective.reversed())
                    .ifPresent(best -> out.println("Best by " + plan.objective().describe() + " among the passing: "
                            + plan.parameter() + " " + best.value() + " (" + PythonNumbers.general(best.objective())
                            + ")"));
        }
        outcome.files().forEach(f -> out.println("Search artifacts: " + f));
    }
}
