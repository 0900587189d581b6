package dev.aiperf.transport;

import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.transport.Transport;
import dev.aiperf.api.transport.TransportRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * What the {@code http} and {@code http2} transports share: the event loops and the bootstrap, the start of
 * every exchange (its stamps, deadline and trace, an invalid URL failing at once), the exchanges in flight,
 * cancelling, and closing (in-flight requests end as {@code TransportClosed}). Each transport says how a URL
 * becomes an {@link Origin}, how an exchange reaches a connection, and how its connections close.
 */
abstract class NettyTransportBase implements Transport, TransportDiagnostics {

    final HttpTransportSettings settings;
    final EventLoopGroup group;
    final Bootstrap bootstrap;
    /** The engine under the event loops: {@code --io-engine} resolved on this machine (auto: epoll or NIO). */
    final IoEngine ioEngine;
    private final String traceType;
    private final Set<HttpExchange> inFlight = ConcurrentHashMap.newKeySet();
    volatile boolean closing;

    NettyTransportBase(HttpTransportSettings settings, String threadName, String traceType) {
        this.settings = settings;
        this.traceType = traceType;
        this.ioEngine = settings.ioEngine().resolve();
        this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(), new DefaultThreadFactory(threadName, true),
                ioEngine.ioHandlerFactory());
        this.bootstrap = new Bootstrap().group(group).channel(ioEngine.socketChannelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, Math.max(1, settings.connectTimeout().toMillis())));
    }

    /**
     * The origin a URL is sent to.
     *
     * @throws IllegalArgumentException when this transport cannot send to it (the request fails as InvalidURL)
     */
    abstract Origin origin(URI url);

    /** Hands a started exchange to a connection; may throw when the event loops are stopping. */
    abstract void dispatch(HttpExchange exchange);

    /** Closes every connection (the event loops stop after this). */
    abstract void closeConnections();

    @Override
    public final CompletableFuture<RequestRecord> sendRequest(TransportRequest request) {
        long startNs = System.nanoTime();
        long timestampNs = wallClockNs();
        Origin origin;
        try {
            origin = origin(request.url());
        } catch (IllegalArgumentException e) {
            HttpExchange invalid = new HttpExchange(request, null, timestampNs, startNs, startNs);
            invalid.fail(new ErrorDetails(null, "InvalidURL", e.getMessage()), startNs);
            return invalid.future;
        }
        HttpExchange exchange = new HttpExchange(request, origin, timestampNs, startNs,
                saturatedAdd(startNs, settings.requestTimeout().toNanos()), settings.traceRecorder(traceType, startNs),
                inFlight);
        inFlight.add(exchange); // before anything can complete it: it leaves the set as its future completes
        if (closing) {
            exchange.fail(TransportErrors.transportClosed(), startNs);
            return exchange.future;
        }
        try {
            dispatch(exchange);
        } catch (RuntimeException e) {
            // e.g. the event loop rejected the task because the transport is shutting down
            exchange.fail(closing ? TransportErrors.transportClosed() : TransportErrors.connectFailed(origin, e),
                    System.nanoTime());
        }
        return exchange.future;
    }

    /** Completes the request's future with what it received so far, and gives up its connection or stream. */
    @Override
    public final void cancel(CompletableFuture<RequestRecord> request) {
        HttpExchange.cancel(request);
    }

    /** How many exchanges this transport keeps as in flight (for tests: none once every future completed). */
    final int exchangesInFlight() {
        return inFlight.size();
    }

    @Override
    public final int connectionLimit() {
        return settings.connectionLimit();
    }

    @Override
    public final void probeIoThreads(LongConsumer waitedNs) {
        IoThreadProbe.probe(group, waitedNs);
    }

    /** Closes every connection and stops the event loops; in-flight requests end as {@code TransportClosed}. */
    @Override
    public final void close() {
        if (closing) {
            return;
        }
        closing = true;
        closeConnections();
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
