package dev.aiperf.api.record;

import java.util.List;

/** Category {@code results_processor}: folds per-request metrics into run-level results. */
public interface ResultsProcessor {

    /** Called for every profiling record as it completes. */
    void addRecord(MetricRecord record);

    /** The run's results once every record is in. */
    List<MetricResult> processResults();
}
