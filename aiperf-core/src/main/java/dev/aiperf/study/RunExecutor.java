package dev.aiperf.study;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.engine.BenchmarkOutcome;
import dev.aiperf.engine.BenchmarkRunner;
import dev.aiperf.engine.PluginFailureException;
import dev.aiperf.export.ArtifactFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the benchmarks of a study one after the other in this thread, and lets another thread (a signal
 * handler) stop the current one and the pauses between them.
 */
final class RunExecutor {
    private final PrintStream out;
    private final PrintStream err;
    private final StudyListener listener;
    private volatile boolean stopRequested;
    private volatile BenchmarkRunner.Prepared current;
    private volatile Thread runner;

    RunExecutor(PrintStream out, PrintStream err, StudyListener listener) {
        this.out = out;
        this.err = RepeatedWarningFilter.around(err);
        this.listener = listener;
    }

    /** Stops the running benchmark (it still exports what it measured) and every later one. */
    void stop() {
        stopRequested = true;
        BenchmarkRunner.Prepared prepared = current;
        if (prepared != null) {
            prepared.interrupt();
        }
        Thread thread = runner;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    boolean stopped() {
        return stopRequested;
    }

    /** Runs {@code config} into {@code dir}; a run that cannot start or measures nothing is a failed run, not an exception. */
    StudyRun run(int index, int total, StudyCell cell, String label, BenchmarkConfig config, Path dir) {
        listener.runStarting(index, total, cell, label, dir);
        BenchmarkOutcome outcome = null;
        String failure = null;
        RunSummary summary = null;
        try {
            BenchmarkRunner.Prepared prepared = BenchmarkRunner.prepare(config.withArtifactDir(dir), out, err);
            listener.runPrepared(index, prepared);
            current = prepared;
            if (stopRequested) {
                prepared.interrupt();
            }
            outcome = prepared.run();
        } catch (IOException | IllegalArgumentException | PluginFailureException e) {
            failure = e.getMessage();
        } finally {
            current = null;
        }
        if (outcome != null) {
            Path file = dir.resolve(ArtifactFiles.of(config.output()).summaryJson());
            if (outcome.aborted()) {
                failure = outcome.abortReason();
            } else if (outcome.interrupted()) {
                failure = "interrupted before it finished";
            } else if (!outcome.hasResults() || !Files.exists(file)) {
                failure = "no profiling request completed";
            } else {
                try {
                    summary = RunSummary.read(label, file);
                    Double ok = summary.value("request_count", "avg");
                    if (ok == null || ok <= 0) {
                        failure = "every request failed";
                        summary = null;
                    }
                } catch (IOException e) {
                    failure = e.getMessage();
                }
            }
        }
        StudyRun run = new StudyRun(index, total, cell, label, dir, outcome, summary, failure);
        listener.runFinished(run);
        return run;
    }

    /** Waits {@code seconds} unless stopped first. */
    void coolDown(double seconds) {
        if (seconds <= 0 || stopRequested) {
            return;
        }
        listener.coolingDown(seconds);
        runner = Thread.currentThread();
        try {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            for (long left; !stopRequested && (left = deadline - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
        } finally {
            runner = null;
        }
    }
}
