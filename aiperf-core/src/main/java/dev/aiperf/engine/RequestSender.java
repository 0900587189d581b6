package dev.aiperf.engine;

import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.transport.ResponseObserver;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one request without blocking: the endpoint formats it and the transport puts it on the wire.
 * The future completes (normally, with the error inside the record on failure) when the request has
 * finished; cancelling it aborts the request.
 */
@FunctionalInterface
interface RequestSender {

    CompletableFuture<RequestRecord> send(RequestInfo info, long intendedSendPerfNs);

    /**
     * Sends a request that the client abandons {@code cancelAfterNs} after it was sent (null: never),
     * with an observer of its responses as they arrive (null: none). A sender that cannot do either
     * sends it plainly.
     */
    default CompletableFuture<RequestRecord> send(RequestInfo info, long intendedSendPerfNs, Long cancelAfterNs,
                                                  ResponseObserver observer) {
        return send(info, intendedSendPerfNs);
    }

    /** Ends a request early; its future should complete with what it received, marked cancelled. */
    default void cancel(CompletableFuture<RequestRecord> request) {
        request.cancel(true);
    }
}
