package dev.aiperf.transport;

import dev.aiperf.api.transport.TransportRequest;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;

import java.util.concurrent.CompletableFuture;

/**
 * Hands out connections per {@code --connection-reuse-strategy} (spec §4.6) and takes them back.
 * Every successful {@link #acquire} is matched by exactly one {@link #release}.
 */
interface ConnectionSource {

    /** A connected channel for the request's origin; a failed future when none can be had. */
    Future<Channel> acquire(Origin origin, TransportRequest request);

    /**
     * Returns a channel after its exchange ended. {@code reusable} is false when the response did not
     * end cleanly or the server asked to close; such channels are closed.
     */
    void release(Channel channel, Origin origin, TransportRequest request, boolean reusable);

    /**
     * Opens up to {@code connections} connections to {@code origin} ahead of the requests and keeps them
     * idle; completes with how many are open. Sources that keep no connections between requests open none.
     */
    default CompletableFuture<Integer> preconnect(Origin origin, int connections) {
        return CompletableFuture.completedFuture(0);
    }

    /** Closes the idle connections it holds. */
    void close();
}
