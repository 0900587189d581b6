package dev.aiperf.study;

import java.nio.file.Path;
import java.util.List;

/**
 * What a study did.
 *
 * @param runs           every run that started, in order
 * @param planned        runs the plan had
 * @param aggregateFiles every aggregate file written
 * @param interrupted    Ctrl-C (or {@code stop()}) ended it early
 * @param terminated     the stop came from SIGTERM
 */
public record StudyOutcome(List<StudyRun> runs, int planned, List<Path> aggregateFiles, boolean interrupted,
                           boolean terminated) {
    public StudyOutcome {
        runs = List.copyOf(runs);
        aggregateFiles = List.copyOf(aggregateFiles);
    }

    /** Runs that finished with a usable summary. */
    public long succeeded() {
        return runs.stream().filter(StudyRun::succeeded).count();
    }
}
