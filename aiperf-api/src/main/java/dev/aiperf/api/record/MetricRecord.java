package dev.aiperf.api.record;

import dev.aiperf.api.model.ParsedResponseRecord;

import java.util.Collections;
import java.util.Map;

/**
 * The per-request metric values of one record, in each metric's base unit and in the order they
 * were computed. A value is a {@code Long} (integer metrics), a {@code Double}, or a
 * {@code double[]} for list metrics such as {@code inter_chunk_latency}. Aggregate metrics
 * contribute their per-request share here too (e.g. {@code request_count} = 1).
 *
 * @param record the parsed record the values were computed from
 * @param values tag to value, insertion-ordered; the record takes ownership of the map and wraps
 *               it read-only without copying (a {@link MetricValues} is read-only already: it is kept as it
 *               is), so the caller must not change it afterwards
 */
public record MetricRecord(ParsedResponseRecord record, Map<String, Object> values) {
    public MetricRecord {
        values = values instanceof MetricValues ? values : Collections.unmodifiableMap(values);
    }

    /** True when the request failed (its record carries an error). */
    public boolean isError() {
        return record.request().hasError();
    }
}
