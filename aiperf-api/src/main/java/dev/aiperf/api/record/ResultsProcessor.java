package dev.aiperf.api.record;

import java.util.List;

/**
 * Category {@code results_processor}: folds per-request metrics into run-level results.
 *
 * <p><b>Lifecycle.</b> The engine creates one instance per run, calls {@link #addRecord} for
 * every {@link MetricRecord} the record processor produced (in completion order), then calls
 * {@link #processResults} once after the last request finished or the run was interrupted. It also
 * creates one instance per phase or slice it summarises apart ({@link ProcessorContext#phase()}
 * {@code WARMUP} for the warm-up requests; one per {@code --slice-duration} slice), each fed only
 * that phase's or slice's records.
 *
 * <p><b>Threading.</b> The engine calls it from one thread at a time; the built-in
 * implementation is also safe to call from several.
 *
 * <p><b>Constructor requirements.</b> A public constructor taking a {@link ProcessorContext}, or a
 * public no-argument constructor.
 */
public interface ResultsProcessor {

    /** Called for every record of this instance's phase (or slice) as it completes. */
    void addRecord(MetricRecord record);

    /**
     * The run's results, in display units, in result order (per-request and aggregate metrics
     * in the order first seen, then derived metrics). Empty when no record produced a value.
     */
    List<MetricResult> processResults();
}
