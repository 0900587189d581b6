package dev.aiperf.transport;

import dev.aiperf.api.transport.TransportContext;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * The {@code http} transport: HTTP/1.1 over Netty with keep-alive connection pools, TLS for
 * {@code https}, incremental SSE parsing and a {@code System.nanoTime()} stamp on every read.
 * Thousands of requests can be in flight on a handful of event-loop threads (one per processor).
 *
 * <p>Timestamps: {@code startPerfNs} right before the request is written, {@code recvStartPerfNs}
 * when the response headers arrive, each response when the bytes that completed it arrive,
 * {@code endPerfNs} when the last byte arrives. Futures never complete exceptionally; connection
 * refusals, resets, timeouts, non-200 statuses and SSE error events become the record's error.
 * {@link #cancel} (as the engine does on interruption or when the grace period expires) completes the
 * future with what was received, marked cancelled, and closes the request's connection at once instead
 * of leaving it busy until {@link #close()}, freeing its place in the pool; cancelling the future itself
 * does the same without a record.
 */
public final class NettyHttpTransport extends NettyTransportBase {

    /** The {@code trace_type} of this transport's traces. */
    static final String TRACE_TYPE = "netty-http1";

    private final ConnectionSource connections;
    private final ChannelSetup setup;

    public NettyHttpTransport(TransportContext context) {
        this(HttpTransportSettings.from(context.config()));
    }

    public NettyHttpTransport(HttpTransportSettings settings) {
        super(settings, "aiperf-http", TRACE_TYPE);
        this.setup = new ChannelSetup(settings, () -> closing, TimeoutSweep.perLoop(group, settings));
        this.connections = switch (settings.reuseStrategy()) {
            case HttpTransportSettings.NEVER -> new FreshConnections(bootstrap, setup);
            case HttpTransportSettings.STICKY -> new StickySessionConnections(bootstrap, setup);
            default -> new PooledConnections(bootstrap, setup, settings);
        };
    }

    @Override
    Origin origin(URI url) {
        return Origin.of(url);
    }

    @Override
    void dispatch(HttpExchange exchange) {
        connections.acquire(exchange.origin, exchange.request).addListener(acquired -> onAcquired(exchange, acquired));
    }

    private void onAcquired(HttpExchange exchange, Future<?> acquired) {
        if (!acquired.isSuccess()) {
            exchange.fail(closing ? TransportErrors.transportClosed()
                    : TransportErrors.connectFailed(exchange.origin, acquired.cause()), System.nanoTime());
            return;
        }
        Channel channel = (Channel) acquired.getNow();
        // The response handler is the pipeline's last (ChannelSetup): O(1), where get(Class) walks every handler.
        HttpResponseHandler handler = channel.pipeline().last() instanceof HttpResponseHandler last ? last
                : channel.pipeline().get(HttpResponseHandler.class);
        if (handler == null) {
            // Closed between the pool handing it out and now (the server went away): its handlers are
            // gone. Fail the exchange, or its future would never complete and the run would wait forever.
            try {
                connections.release(channel, exchange.origin, exchange.request, false);
            } catch (RuntimeException alreadyGone) {
                // the pool is closing too
            }
            channel.close();
            exchange.fail(closing ? TransportErrors.transportClosed() : TransportErrors.disconnected(false),
                    System.nanoTime());
            return;
        }
        if (channel.eventLoop().inEventLoop()) {
            handler.begin(exchange, connections);
            return;
        }
        try {
            channel.eventLoop().execute(() -> handler.begin(exchange, connections));
        } catch (RejectedExecutionException e) {
            channel.close();
            exchange.fail(TransportErrors.transportClosed(), System.nanoTime());
        }
    }

    @Override
    public CompletableFuture<Integer> preconnect(URI url, int count) {
        if (closing || count <= 0) {
            return CompletableFuture.completedFuture(0);
        }
        try {
            return connections.preconnect(Origin.of(url), count).exceptionally(failure -> 0);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(0); // a bad URL fails each request with its own message
        }
    }

    /** How many connections this transport has opened: with keep-alive, far fewer than requests. */
    public long connectionsOpened() {
        return setup.connectionsOpened();
    }

    /** Where this transport's connections come from (for tests). */
    ConnectionSource connections() {
        return connections;
    }

    @Override
    void closeConnections() {
        connections.close();
    }
}
