package dev.aiperf.api.transport;

import dev.aiperf.api.model.RequestRecord;

import java.util.concurrent.CompletableFuture;

/**
 * Category {@code transport}: sends requests and timestamps every response chunk on arrival.
 * The returned future always completes normally: failures are recorded in the record's error.
 */
public interface Transport extends AutoCloseable {

    CompletableFuture<RequestRecord> sendRequest(TransportRequest request);

    @Override
    void close();
}
