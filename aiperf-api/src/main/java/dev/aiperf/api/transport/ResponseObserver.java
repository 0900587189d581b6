package dev.aiperf.api.transport;

import dev.aiperf.api.model.InferenceResponse;

/**
 * Sees each raw response of one request as it arrives, on the transport's I/O thread: the engine uses
 * it to notice a request's first token early (prefill concurrency). It must be quick and never block.
 */
@FunctionalInterface
public interface ResponseObserver {

    void onResponse(InferenceResponse response);
}
