package dev.aiperf.study;

import dev.aiperf.engine.BenchmarkOutcome;

import java.nio.file.Path;

/**
 * One run of a study once it has finished (or failed to start).
 *
 * @param index     1-based position in the study
 * @param total     runs planned
 * @param cell      the cell it ran
 * @param label     {@code run_0001} / {@code trial_0001}
 * @param dir       its artifact folder
 * @param outcome   what the engine returned, or null when the run could not start
 * @param summary   the metrics it exported, or null when it produced no usable summary
 * @param failure   why it produced none, or null
 */
public record StudyRun(int index, int total, StudyCell cell, String label, Path dir, BenchmarkOutcome outcome,
                       RunSummary summary, String failure) {

    /** Whether the run finished with a summary and was not cut short. */
    public boolean succeeded() {
        return summary != null && failure == null;
    }

    /** Whether Ctrl-C (or {@code interrupt()}) cut this run short. */
    public boolean interrupted() {
        return outcome != null && outcome.interrupted();
    }
}
