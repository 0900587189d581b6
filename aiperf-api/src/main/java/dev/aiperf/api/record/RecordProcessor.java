package dev.aiperf.api.record;

import dev.aiperf.api.model.ParsedResponseRecord;

/** Category {@code record_processor}: computes per-request metrics from one parsed record. */
public interface RecordProcessor {

    MetricRecord processRecord(ParsedResponseRecord record);
}
