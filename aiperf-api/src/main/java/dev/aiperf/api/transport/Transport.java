package dev.aiperf.api.transport;

import dev.aiperf.api.model.RequestRecord;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Category {@code transport}: sends requests and timestamps every response chunk on arrival.
 * The returned future always completes normally: failures are recorded in the record's error.
 *
 * <p>The future may complete on one of the transport's I/O threads. Dependent stages that block
 * (disk writes, locks) must run on another executor ({@code thenAcceptAsync(..., executor)}), or
 * they delay the timestamps of every other response served by that thread.
 */
public interface Transport extends AutoCloseable {

    CompletableFuture<RequestRecord> sendRequest(TransportRequest request);

    /**
     * Ends a request early (Ctrl-C, the end of the grace period): its future should complete with a
     * record of what was received so far, its {@code cancellationPerfNs} set, and the request's
     * connection be given up. The default cancels the future; the engine then records the request as
     * cancelled without any of its responses.
     */
    default void cancel(CompletableFuture<RequestRecord> request) {
        request.cancel(true);
    }

    /**
     * Opens up to {@code connections} connections to {@code url}'s server and keeps them idle for the
     * requests to come, so the first measured requests do not pay for connecting (TCP and TLS
     * handshakes) where later ones do not. Sends no request. The future completes, never exceptionally,
     * with how many connections were opened; a transport that does not keep connections opens none.
     */
    default CompletableFuture<Integer> preconnect(URI url, int connections) {
        return CompletableFuture.completedFuture(0);
    }

    /** Closes every connection and stops the I/O threads; requests still in flight end in an error record. */
    @Override
    void close();
}
