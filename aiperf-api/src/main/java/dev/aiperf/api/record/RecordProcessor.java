package dev.aiperf.api.record;

import dev.aiperf.api.model.ParsedResponseRecord;

/**
 * Category {@code record_processor}: computes per-request metrics from one parsed record.
 *
 * <p><b>Lifecycle.</b> The engine creates one instance per run, before the first request, and
 * calls {@link #processRecord} once for every profiling-phase record (successful or failed), as
 * each request completes. Warm-up records never reach it.
 *
 * <p><b>Threading.</b> May be called from several threads at once; implementations keep no
 * per-call state in fields, or synchronise it.
 *
 * <p><b>Errors.</b> A metric that cannot be computed for a record is left out of the result; an
 * exception thrown here is reported by the engine and the record is skipped.
 *
 * <p><b>Constructor requirements.</b> A public constructor taking a {@link ProcessorContext}, or a
 * public no-argument constructor.
 */
public interface RecordProcessor {

    /** The record's metric values, never null (empty when nothing applies). */
    MetricRecord processRecord(ParsedResponseRecord record);
}
