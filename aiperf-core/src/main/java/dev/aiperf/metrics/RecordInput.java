package dev.aiperf.metrics;

import dev.aiperf.api.model.ParsedResponses;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.TokenCounts;

import java.util.Map;

/**
 * What a per-request metric sees: the parsed record and the values of the metrics computed before
 * it for the same record. Metrics only read tags they list in {@code requires}, which the
 * processor guarantees are present.
 */
public final class RecordInput {
    private final ParsedResponseRecord record;
    private final ParsedResponses contentResponses;
    private final Map<String, Object> values;
    /** The http_req_* values, computed on first use; {@link #NOT_YET} until then. */
    private Object httpReq = NOT_YET;
    private static final Object NOT_YET = new Object();

    RecordInput(ParsedResponseRecord record, Map<String, Object> values) {
        this.record = record;
        this.contentResponses = record.parsedResponses().content();
        this.values = values;
    }

    /** For tests and tools: a record with some values already known. */
    public static RecordInput of(ParsedResponseRecord record, Map<String, Object> values) {
        return new RecordInput(record, values);
    }

    public ParsedResponseRecord record() {
        return record;
    }

    public RequestRecord request() {
        return record.request();
    }

    /**
     * Parsed responses with content, in arrival order (computed once per record); its indexed accessors
     * ({@link ParsedResponses#perfNs(int)}, ...) read them without making objects.
     */
    public ParsedResponses contentResponses() {
        return contentResponses;
    }

    public TokenCounts tokenCounts() {
        return record.tokenCounts() == null ? TokenCounts.NONE : record.tokenCounts();
    }

    public long startPerfNs() {
        return record.request().startPerfNs();
    }

    /** The record's http_req_* values, computed once; null when the request was not traced. */
    public HttpReqValues httpReq() {
        if (httpReq == NOT_YET) {
            httpReq = HttpReqValues.of(request().trace());
        }
        return (HttpReqValues) httpReq;
    }

    public boolean has(String tag) {
        return values.containsKey(tag);
    }

    public long longValue(String tag) {
        return ((Number) require(tag)).longValue();
    }

    public double doubleValue(String tag) {
        return ((Number) require(tag)).doubleValue();
    }

    private Object require(String tag) {
        Object value = values.get(tag);
        if (value == null) {
            throw new IllegalStateException("metric '" + tag + "' read without being declared in requires");
        }
        return value;
    }
}
