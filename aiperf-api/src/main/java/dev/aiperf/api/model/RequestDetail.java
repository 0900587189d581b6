package dev.aiperf.api.model;

import java.util.Map;

/**
 * What a transport sent and, when tracing, how the exchange went on the wire: the raw export's payload
 * and headers, the {@code http_req_*} metrics' and {@code trace_data}'s timestamps.
 *
 * @param body                the request body exactly as sent (shared with the request: read, never write)
 * @param headers             the request headers as sent, in send order; may hold credentials, so every
 *                            export redacts them
 * @param responseContentType the response's {@code Content-Type}, or null when no response headers arrived
 * @param trace               the HTTP trace, or null when the transport does not trace
 */
public record RequestDetail(byte[] body, Map<String, String> headers, String responseContentType, HttpTrace trace) {
    public RequestDetail {
        headers = headers == null ? Map.of() : headers;
    }
}
