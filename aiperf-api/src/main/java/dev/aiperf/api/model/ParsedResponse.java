package dev.aiperf.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One response after the endpoint parsed it. It is a <em>content response</em> iff {@code data}
 * is non-null; usage-only and empty chunks have null data.
 *
 * @param perfNs arrival time of the raw response
 * @param data   parsed content, or null
 * @param usage  the response's {@code usage} object, or null
 */
public record ParsedResponse(long perfNs, ResponseData data, JsonNode usage) {
    public boolean hasContent() {
        return data != null;
    }
}
