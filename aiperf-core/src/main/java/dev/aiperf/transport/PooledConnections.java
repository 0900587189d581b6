package dev.aiperf.transport;

import dev.aiperf.api.transport.TransportRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.util.concurrent.Future;

import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Promise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code pooled} strategy: a keep-alive pool per origin, most recently used connection first,
 * at most {@link HttpTransportSettings#connectionLimit()} connections; further requests wait for one.
 */
final class PooledConnections implements ConnectionSource {

    private final Bootstrap bootstrap;
    private final ChannelSetup setup;
    private final HttpTransportSettings settings;
    private final Map<Origin, FixedChannelPool> pools = new ConcurrentHashMap<>();

    PooledConnections(Bootstrap bootstrap, ChannelSetup setup, HttpTransportSettings settings) {
        this.bootstrap = bootstrap;
        this.setup = setup;
        this.settings = settings;
    }

    @Override
    public Future<Channel> acquire(Origin origin, TransportRequest request) {
        return pools.computeIfAbsent(origin, this::newPool).acquire();
    }

    @Override
    public void release(Channel channel, Origin origin, TransportRequest request, boolean reusable) {
        FixedChannelPool pool = pools.get(origin);
        if (!reusable || pool == null) {
            channel.close();
        }
        if (pool != null) {
            // Closed channels fail the pool's health check on release, which frees their slot.
            pool.release(channel);
        }
    }

    /**
     * Acquires every connection at once (so none is handed out twice), waits for the TLS handshake of
     * secure ones, then returns them all to the pool.
     */
    @Override
    public CompletableFuture<Integer> preconnect(Origin origin, int connections) {
        int count = Math.min(connections, settings.connectionLimit());
        if (count <= 0) {
            return CompletableFuture.completedFuture(0);
        }
        FixedChannelPool pool = pools.computeIfAbsent(origin, this::newPool);
        List<Future<Channel>> ready = new ArrayList<>(count);
        AtomicInteger pending = new AtomicInteger(count);
        CompletableFuture<Integer> opened = new CompletableFuture<>();
        Runnable oneDone = () -> {
            if (pending.decrementAndGet() == 0) {
                int open = 0;
                for (Future<Channel> channel : ready) {
                    if (channel.isSuccess()) {
                        open += channel.getNow().isActive() ? 1 : 0;
                        pool.release(channel.getNow());
                    }
                }
                opened.complete(open);
            }
        };
        for (int i = 0; i < count; i++) {
            Promise<Channel> handshaken = bootstrap.config().group().next().newPromise();
            ready.add(handshaken);
            handshaken.addListener(done -> oneDone.run());
            pool.acquire().addListener(acquired -> {
                if (!acquired.isSuccess()) {
                    handshaken.tryFailure(acquired.cause());
                    return;
                }
                Channel channel = (Channel) acquired.getNow();
                SslHandler tls = channel.pipeline().get(SslHandler.class);
                if (tls == null) {
                    handshaken.trySuccess(channel);
                } else {
                    tls.handshakeFuture().addListener(handshake -> handshaken.trySuccess(channel));
                }
            });
        }
        return opened;
    }

    @Override
    public void close() {
        pools.values().forEach(FixedChannelPool::close);
        pools.clear();
    }

    private FixedChannelPool newPool(Origin origin) {
        Bootstrap forOrigin = bootstrap.clone().remoteAddress(origin.host(), origin.port());
        long acquireTimeoutMs = Math.max(1, settings.requestTimeout().toMillis());
        return new FixedChannelPool(forOrigin, new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel channel) {
                setup.initialize(channel, origin);
            }
        }, ChannelHealthChecker.ACTIVE, FixedChannelPool.AcquireTimeoutAction.FAIL, acquireTimeoutMs,
                settings.connectionLimit(), Integer.MAX_VALUE, true, true);
    }
}
