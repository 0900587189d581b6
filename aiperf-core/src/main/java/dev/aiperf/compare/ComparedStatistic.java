package dev.aiperf.compare;

import java.util.Collections;
import java.util.List;

/**
 * One statistic of one metric across the compared runs. Lists hold one entry per run, the
 * baseline (the first run) first; the baseline's delta entries are null, and so is any entry a
 * run cannot give (the metric or statistic is missing, or the baseline value is 0 for a percentage).
 *
 * @param metric        metric tag
 * @param unit          the baseline's unit (runs with another unit are not compared: their delta is null)
 * @param statistic     statistic key ({@code avg}, {@code p99}, ...)
 * @param values        each run's value
 * @param deltas        value minus the baseline's
 * @param percentChanges delta as a percentage of the baseline's value
 * @param beyondSpread  whether the delta is larger than the runs' own spread: the larger of the two
 *                      runs' standard deviations of the metric; null when a run has no std (scalars)
 */
public record ComparedStatistic(String metric, String unit, String statistic, List<Double> values,
                                List<Double> deltas, List<Double> percentChanges, List<Boolean> beyondSpread) {
    public ComparedStatistic {
        values = Collections.unmodifiableList(values);
        deltas = Collections.unmodifiableList(deltas);
        percentChanges = Collections.unmodifiableList(percentChanges);
        beyondSpread = Collections.unmodifiableList(beyondSpread);
    }

    /** Whether any run differs from the baseline by more than the spread. */
    public boolean anyBeyondSpread() {
        return beyondSpread.stream().anyMatch(Boolean.TRUE::equals);
    }
}
