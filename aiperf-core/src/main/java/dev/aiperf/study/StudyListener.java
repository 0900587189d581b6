package dev.aiperf.study;

import dev.aiperf.engine.BenchmarkRunner;

import java.nio.file.Path;
import java.util.List;

/**
 * What a study reports as it goes; every method has a no-op default. The command line prints these
 * ({@link StudyProgressPrinter}); a library user may do anything else with them.
 */
public interface StudyListener {
    /** A run is about to start: {@code index} of {@code total} (1-based). */
    default void runStarting(int index, int total, StudyCell cell, String runLabel, Path dir) {
    }

    /** A run's plugins and dataset are built; it starts right after. */
    default void runPrepared(int index, BenchmarkRunner.Prepared prepared) {
    }

    /** A run finished, failed or was interrupted. */
    default void runFinished(StudyRun run) {
    }

    /** The study pauses this long before the next run. */
    default void coolingDown(double seconds) {
    }

    /** Aggregate files were written ({@code what} names them, e.g. "aggregate of concurrency_4"). */
    default void aggregateWritten(String what, List<Path> files) {
    }

    /** An aggregate could not be computed or written. */
    default void aggregateSkipped(String what, String reason) {
    }

    /** The text of a summary table, to show as is. */
    default void summaryTable(String text) {
    }

    /** An SLA search judged a probe against its filters. */
    default void probeJudged(SlaProbe probe, List<SlaFilter> filters) {
    }

    /** An SLA search ended: its answer and its curve. */
    default void searchFinished(SlaSearchPlan plan, SlaSearchOutcome outcome) {
    }

    /** A search recipe's analysis concluded: its report (answer and curve) and the artifact it wrote. */
    default void recipeAnswered(String report, Path artifact) {
    }

    /** The study stopped early: {@code finished} of {@code planned} runs finished. */
    default void interrupted(int finished, int planned) {
    }
}
