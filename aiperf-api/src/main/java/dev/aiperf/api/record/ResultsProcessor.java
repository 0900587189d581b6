package dev.aiperf.api.record;

import java.util.List;

/**
 * Category {@code results_processor}: folds per-request metrics into run-level results.
 *
 * <p><b>Lifecycle.</b> The engine creates one instance per run, calls {@link #addRecord} for
 * every {@link MetricRecord} the record processor produced (in completion order), then calls
 * {@link #processResults} once after the last request finished or the run was interrupted.
 *
 * <p><b>Threading.</b> The engine calls it from one thread at a time; the built-in
 * implementation is also safe to call from several.
 *
 * <p><b>Constructor requirements.</b> A public constructor taking a {@link ProcessorContext}, or a
 * public no-argument constructor.
 */
public interface ResultsProcessor {

    /** Called for every profiling record as it completes. */
    void addRecord(MetricRecord record);

    /**
     * The run's results, in display units, in result order (per-request and aggregate metrics
     * in the order first seen, then derived metrics). Empty when no record produced a value.
     */
    List<MetricResult> processResults();
}
