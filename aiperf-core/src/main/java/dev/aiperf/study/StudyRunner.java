package dev.aiperf.study;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.engine.InterruptSignals;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link StudyPlan}: every run in its own artifact folder, one after the other with the planned
 * cool-downs, then the aggregates of upstream's layout: a confidence aggregate per cell with two or more
 * successful runs and, for a sweep, the sweep aggregate with its summary table. An interrupted study
 * keeps the finished runs' folders and aggregates what finished.
 */
public final class StudyRunner {
    /** Jackson, not {@code JsonText}: recipe artifacts keep their null fields ({@code "knee_concurrency": null}). */
    private static final com.fasterxml.jackson.databind.ObjectWriter RECIPE_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter();
    private final StudyPlan plan;
    private final RunExecutor executor;
    private final StudyListener listener;
    private final PrintStream err;
    private boolean handleSignals;
    private SweepPostProcess postProcess;
    /** Set before the aggregates when the study stopped early: a recipe's answer then covers only what finished. */
    private boolean cutShort;

    private StudyRunner(StudyPlan plan, PrintStream out, PrintStream err, StudyListener listener) {
        this.plan = plan;
        this.listener = listener;
        this.err = err;
        this.executor = new RunExecutor(out, err, listener);
    }

    /** A runner whose runs print as single runs do ({@code out}: tables, {@code err}: progress). */
    public static StudyRunner of(StudyPlan plan, PrintStream out, PrintStream err, StudyListener listener) {
        return new StudyRunner(plan, out, err, listener);
    }

    /** Installs SIGINT/SIGTERM handling for the whole study (the command line wants it). */
    public StudyRunner handlingSignals() {
        this.handleSignals = true;
        return this;
    }

    /**
     * Runs {@code analysis} on the sweep aggregate once it is written (a search recipe's answer); its artifact
     * goes next to the aggregate's files.
     */
    public StudyRunner withPostProcess(SweepPostProcess analysis) {
        this.postProcess = analysis;
        return this;
    }

    /** Stops the current run (it exports what it measured) and skips the rest; aggregates are still written. */
    public void stop() {
        executor.stop();
    }

    /** Runs the study; see the class comment. */
    public StudyOutcome run() {
        InterruptSignals signals = handleSignals ? InterruptSignals.install(executor::stop, err) : null;
        StudyOutcome outcome;
        try {
            outcome = runAll();
        } finally {
            if (signals != null) {
                signals.close();
            }
        }
        boolean terminated = signals != null && signals.terminated();
        return new StudyOutcome(outcome.runs(), outcome.planned(), outcome.aggregateFiles(), outcome.interrupted(),
                terminated);
    }

    private StudyOutcome runAll() {
        List<StudyRun> runs = new ArrayList<>();
        int total = plan.totalRuns();
        StudyCell previousCell = null;
        int previousTrial = 0;
        for (int[] step : order()) {
            if (executor.stopped()) {
                break;
            }
            StudyCell cell = plan.cells().get(step[0]);
            int trial = step[1];
            if (previousCell != null) {
                double pause = cell == previousCell ? plan.runCooldownSeconds()
                        : trial != previousTrial ? Math.max(plan.runCooldownSeconds(), plan.sweepCooldownSeconds())
                        : plan.sweepCooldownSeconds();
                executor.coolDown(pause);
                if (executor.stopped()) {
                    break;
                }
            }
            BenchmarkConfig config = cell.config();
            if (trial > 1 && plan.warmupOnlyFirstRun()) {
                config = config.withLoad(config.load().withoutWarmup());
            }
            if (plan.varySeedPerTrial() && config.input().randomSeed() != null) {
                config = config.withInput(config.input().withRandomSeed(
                        StudyPlan.trialSeed(config.input().randomSeed(), cell.label(), trial)));
            }
            runs.add(executor.run(runs.size() + 1, total, cell, plan.runLabel(trial), config,
                    plan.runDir(cell, trial)));
            previousCell = cell;
            previousTrial = trial;
        }
        boolean interrupted = executor.stopped() || runs.stream().anyMatch(StudyRun::interrupted);
        if (interrupted) {
            listener.interrupted((int) runs.stream().filter(r -> !r.interrupted()).count(), total);
        }
        cutShort = interrupted;
        List<Path> files = aggregate(runs);
        return new StudyOutcome(runs, total, files, interrupted, false);
    }

    /** (cell index, trial) pairs in the plan's loop order. */
    private List<int[]> order() {
        List<int[]> steps = new ArrayList<>();
        int cells = plan.cells().size();
        if (plan.mode() == SweepMode.INDEPENDENT) {
            for (int c = 0; c < cells; c++) {
                for (int t = 1; t <= plan.runsPerCell(); t++) {
                    steps.add(new int[]{c, t});
                }
            }
        } else {
            for (int t = 1; t <= plan.runsPerCell(); t++) {
                for (int c = 0; c < cells; c++) {
                    steps.add(new int[]{c, t});
                }
            }
        }
        return steps;
    }

    private List<Path> aggregate(List<StudyRun> runs) {
        List<Path> files = new ArrayList<>();
        Map<StudyCell, List<StudyRun>> byCell = new LinkedHashMap<>();
        plan.cells().forEach(c -> byCell.put(c, new ArrayList<>()));
        runs.forEach(r -> byCell.get(r.cell()).add(r));
        List<CellResult> cellResults = new ArrayList<>();
        for (Map.Entry<StudyCell, List<StudyRun>> entry : byCell.entrySet()) {
            StudyCell cell = entry.getKey();
            List<StudyRun> cellRuns = entry.getValue();
            if (cellRuns.isEmpty()) {
                continue;
            }
            List<RunSummary> ok = cellRuns.stream().filter(StudyRun::succeeded).map(StudyRun::summary).toList();
            List<FailedRun> failed = cellRuns.stream().filter(r -> !r.succeeded())
                    .map(r -> new FailedRun(r.label(), r.failure())).toList();
            cellResults.add(new CellResult(cell.label(), cell.parameters(), ok, failed));
            if (plan.runsPerCell() > 1) {
                String what = plan.isSweep() ? "aggregate of " + cell.label() : "aggregate";
                if (ok.size() < 2) {
                    listener.aggregateSkipped(what, "it needs 2 or more successful runs, " + ok.size() + " finished");
                    continue;
                }
                try {
                    ConfidenceAggregate aggregate = ConfidenceAggregate.of(
                            cellRuns.stream().map(StudyRun::label).toList(), ok, failed, plan.confidenceLevel(),
                            plan.runCooldownSeconds());
                    List<Path> written = new ArrayList<>(aggregate.write(plan.cellAggregateDir(cell)));
                    Map<String, Path> records = new LinkedHashMap<>();
                    cellRuns.stream().filter(StudyRun::succeeded)
                            .forEach(r -> records.put(r.label(), r.outcome().recordsFile()));
                    Path collated = CollatedRecords.write(plan.cellAggregateDir(cell), records);
                    if (collated != null) {
                        written.add(collated);
                    }
                    files.addAll(written);
                    listener.summaryTable(ConfidenceSummaryTable.render(plan.isSweep() ? cell.describe()
                            : "Across runs", aggregate));
                    if (!plan.isSweep()) {
                        report(cellResults, runs, plan.cellAggregateDir(cell), written);
                    }
                    listener.aggregateWritten(what, written);
                } catch (IOException e) {
                    listener.aggregateSkipped(what, e.getMessage());
                }
            }
        }
        if (plan.isSweep()) {
            List<CellResult> measured = cellResults.stream().filter(c -> !c.runs().isEmpty()).toList();
            if (measured.isEmpty()) {
                listener.aggregateSkipped("sweep aggregate", "no run finished");
            } else {
                SweepAggregate sweep = new SweepAggregate(plan.parameters(), measured, plan.confidenceLevel());
                try {
                    List<Path> written = new ArrayList<>(sweep.write(plan.sweepAggregateDir()));
                    report(measured, runs, plan.sweepAggregateDir(), written);
                    files.addAll(written);
                    listener.summaryTable(SweepSummaryTable.render(sweep));
                    listener.aggregateWritten("sweep aggregate", written);
                    if (postProcess != null) {
                        files.addAll(postProcess(sweep));
                    }
                } catch (IOException e) {
                    listener.aggregateSkipped("sweep aggregate", e.getMessage());
                }
            }
        }
        return files;
    }

    /** The study's report.html into {@code dir}, added to {@code written}; a failure is a warning, not the study's. */
    private void report(List<CellResult> cells, List<StudyRun> runs, Path dir, List<Path> written) {
        if (!StudyReportWriter.wanted(plan)) {
            return;
        }
        try {
            written.add(StudyReportWriter.write(plan, cells.stream().filter(c -> !c.runs().isEmpty()).toList(), runs,
                    dir));
        } catch (IOException | RuntimeException e) {
            listener.aggregateSkipped("study report", e.getMessage());
        }
    }

    /** The recipe's analysis into the sweep aggregate folder; an analysis that cannot conclude says why. */
    private List<Path> postProcess(SweepAggregate sweep) {
        Map<String, Object> artifact;
        try {
            artifact = postProcess.process(sweep);
        } catch (IllegalArgumentException e) {
            listener.aggregateSkipped(postProcess.handler() + " (" + postProcess.outputFile() + ")", e.getMessage());
            return List.of();
        }
        Path file = plan.sweepAggregateDir().resolve(postProcess.outputFile());
        try {
            dev.aiperf.export.AtomicFile.writeString(file, RECIPE_JSON.writeValueAsString(artifact));
        } catch (IOException e) {
            listener.aggregateSkipped(postProcess.outputFile(), e.getMessage());
            return List.of();
        }
        listener.recipeAnswered((cutShort ? "Interrupted: the answer below covers only the cells that finished\n" : "")
                + postProcess.report(artifact), file);
        return List.of(file);
    }
}
