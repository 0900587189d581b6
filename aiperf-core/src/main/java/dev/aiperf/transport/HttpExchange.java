package dev.aiperf.transport;

import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.transport.TransportRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One request in flight and what has been measured of it. Until a connection is bound it is touched
 * by the sending thread and the connection source; after that only by the connection's event loop.
 * It completes exactly once, always normally.
 */
final class HttpExchange {

    final TransportRequest request;
    final Origin origin;
    final long timestampNs;
    final long deadlineNs;
    final CompletableFuture<RequestRecord> future = new CompletableFuture<>();
    final List<InferenceResponse> responses = new ArrayList<>();
    long startPerfNs;
    Long recvStartPerfNs;
    int status;

    HttpExchange(TransportRequest request, Origin origin, long timestampNs, long startPerfNs, long deadlineNs) {
        this.request = request;
        this.origin = origin;
        this.timestampNs = timestampNs;
        this.startPerfNs = startPerfNs;
        this.deadlineNs = deadlineNs;
    }

    boolean isDone() {
        return future.isDone();
    }

    void succeed(long endPerfNs) {
        future.complete(record(endPerfNs, null));
    }

    void fail(ErrorDetails error, long endPerfNs) {
        future.complete(record(endPerfNs, error));
    }

    private RequestRecord record(long endPerfNs, ErrorDetails error) {
        return new RequestRecord(request.requestInfo(), request.model(), timestampNs, request.intendedSendPerfNs(),
                startPerfNs, recvStartPerfNs, endPerfNs, status, responses, error, null);
    }
}
