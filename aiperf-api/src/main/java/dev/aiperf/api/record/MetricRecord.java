package dev.aiperf.api.record;

import dev.aiperf.api.model.ParsedResponseRecord;

import java.util.Map;

/**
 * The per-request metric values of one record, in each metric's base unit. A value is a
 * {@code Number}, or a {@code double[]} for list metrics such as {@code inter_chunk_latency}.
 */
public record MetricRecord(ParsedResponseRecord record, Map<String, Object> values) {
    public MetricRecord {
        values = Map.copyOf(values);
    }
}
