package dev.aiperf.api.model;

import java.util.List;

/**
 * The raw result of one request, as the transport measured it. All {@code *PerfNs} fields come
 * from {@code System.nanoTime()}; {@code timestampNs} is wall-clock epoch nanoseconds.
 *
 * @param requestInfo        what was sent
 * @param model              model name sent in the payload
 * @param timestampNs        wall time at request start
 * @param intendedSendPerfNs when the timing strategy meant the request to go
 * @param startPerfNs        when the request was actually handed to the wire (latency reference)
 * @param recvStartPerfNs    when response headers arrived, or null
 * @param endPerfNs          when the request finished, or null
 * @param status             HTTP status, or 0 when none was received
 * @param responses          raw responses in arrival order (a {@link ReceivedResponses} is kept as given: it is
 *                           immutable already)
 * @param error              the failure, or null
 * @param cancellationPerfNs when it was cancelled, or null
 * @param handoffPerfNs      when the engine handed the request to the transport, or null when the transport
 *                           does not say; from there to {@code startPerfNs} the request waited on the client
 *                           (for a free connection, a connect, a TLS handshake)
 * @param detail             what was sent and the HTTP trace, or null when the transport does not say
 */
public record RequestRecord(RequestInfo requestInfo, String model, long timestampNs, long intendedSendPerfNs,
                            long startPerfNs, Long recvStartPerfNs, Long endPerfNs, int status,
                            List<InferenceResponse> responses, ErrorDetails error, Long cancellationPerfNs,
                            Long handoffPerfNs, RequestDetail detail) {
    public RequestRecord {
        responses = responses instanceof ReceivedResponses ? responses : List.copyOf(responses);
    }

    /** A record without the request's detail. */
    public RequestRecord(RequestInfo requestInfo, String model, long timestampNs, long intendedSendPerfNs,
                         long startPerfNs, Long recvStartPerfNs, Long endPerfNs, int status,
                         List<InferenceResponse> responses, ErrorDetails error, Long cancellationPerfNs,
                         Long handoffPerfNs) {
        this(requestInfo, model, timestampNs, intendedSendPerfNs, startPerfNs, recvStartPerfNs, endPerfNs, status,
                responses, error, cancellationPerfNs, handoffPerfNs, null);
    }

    /** The HTTP trace of the exchange, or null. */
    public HttpTrace trace() {
        return detail == null ? null : detail.trace();
    }

    /** A record whose transport does not report when it took the request over. */
    public RequestRecord(RequestInfo requestInfo, String model, long timestampNs, long intendedSendPerfNs,
                         long startPerfNs, Long recvStartPerfNs, Long endPerfNs, int status,
                         List<InferenceResponse> responses, ErrorDetails error, Long cancellationPerfNs) {
        this(requestInfo, model, timestampNs, intendedSendPerfNs, startPerfNs, recvStartPerfNs, endPerfNs, status,
                responses, error, cancellationPerfNs, null);
    }

    public boolean hasError() {
        return error != null;
    }

    public RequestRecord withError(ErrorDetails newError) {
        return new RequestRecord(requestInfo, model, timestampNs, intendedSendPerfNs, startPerfNs, recvStartPerfNs,
                endPerfNs, status, responses, newError, cancellationPerfNs, handoffPerfNs, detail);
    }
}
