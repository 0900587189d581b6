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

    @Override
    public void interrupted(int finished, int planned) {
        err.println("aiperf: study interrupted after " + finished + " of " + planned
                + " runs; the aggregates below cover only the finished runs");
    }
}
