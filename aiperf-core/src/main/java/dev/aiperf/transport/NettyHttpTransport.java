package dev.aiperf.transport;

import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.transport.Transport;
import dev.aiperf.api.transport.TransportContext;
import dev.aiperf.api.transport.TransportRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;


import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

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
public final class NettyHttpTransport implements Transport, TransportDiagnostics {

    /** The {@code trace_type} of this transport's traces. */
    static final String TRACE_TYPE = "netty-http1";

    private final HttpTransportSettings settings;
    private final EventLoopGroup group;
    private final ConnectionSource connections;
    private final ChannelSetup setup;
    private final Set<HttpExchange> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    public NettyHttpTransport(TransportContext context) {
        this(HttpTransportSettings.from(context.config()));
    }

    public NettyHttpTransport(HttpTransportSettings settings) {
        this.settings = settings;
        this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(),
                new DefaultThreadFactory("aiperf-http", true), NioIoHandler.newFactory());
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, Math.max(1, settings.connectTimeout().toMillis())));
        this.setup = new ChannelSetup(settings, () -> closing);
        this.connections = switch (settings.reuseStrategy()) {
            case HttpTransportSettings.NEVER -> new FreshConnections(bootstrap, setup);
            case HttpTransportSettings.STICKY -> new StickySessionConnections(bootstrap, setup);
            default -> new PooledConnections(bootstrap, setup, settings);
        };
    }

    @Override
    public CompletableFuture<RequestRecord> sendRequest(TransportRequest request) {
        long startNs = System.nanoTime();
        long timestampNs = wallClockNs();
        Origin origin;
        try {
            origin = Origin.of(request.url());
        } catch (IllegalArgumentException e) {
            HttpExchange invalid = new HttpExchange(request, null, timestampNs, startNs, startNs);
            invalid.fail(new ErrorDetails(null, "InvalidURL", e.getMessage()), startNs);
            return invalid.future;
        }
        HttpExchange exchange = new HttpExchange(request, origin, timestampNs, startNs,
                saturatedAdd(startNs, settings.requestTimeout().toNanos()), settings.traceRecorder(TRACE_TYPE, startNs));
        inFlight.add(exchange);
        exchange.future.whenComplete((record, error) -> inFlight.remove(exchange));
        if (closing) {
            exchange.fail(TransportErrors.transportClosed(), startNs);
            return exchange.future;
        }
        try {
            connections.acquire(origin, request).addListener(acquired -> onAcquired(exchange, acquired));
        } catch (RuntimeException e) {
            // e.g. the event loop rejected the task because the transport is shutting down
            exchange.fail(closing ? TransportErrors.transportClosed() : TransportErrors.connectFailed(origin, e),
                    System.nanoTime());
        }
        return exchange.future;
    }

    private void onAcquired(HttpExchange exchange, Future<?> acquired) {
        if (!acquired.isSuccess()) {
            exchange.fail(closing ? TransportErrors.transportClosed()
                    : TransportErrors.connectFailed(exchange.origin, acquired.cause()), System.nanoTime());
            return;
        }
        Channel channel = (Channel) acquired.getNow();
        HttpResponseHandler handler = channel.pipeline().get(HttpResponseHandler.class);
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

    /** Completes the request's future with what it received so far, and closes its connection. */
    @Override
    public void cancel(CompletableFuture<RequestRecord> request) {
        HttpExchange.cancel(request);
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

    @Override
    public int connectionLimit() {
        return settings.connectionLimit();
    }

    @Override
    public void probeIoThreads(LongConsumer waitedNs) {
        IoThreadProbe.probe(group, waitedNs);
    }

    /** How many connections this transport has opened: with keep-alive, far fewer than requests. */
    public long connectionsOpened() {
        return setup.connectionsOpened();
    }

    /** Closes every connection and stops the event loops; in-flight requests end as {@code TransportClosed}. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        connections.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        // Exchanges whose callbacks could no longer run on the stopped event loops end here.
        long now = System.nanoTime();
        for (HttpExchange exchange : List.copyOf(inFlight)) {
            exchange.fail(TransportErrors.transportClosed(), now);
        }
    }

    private static long wallClockNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
