package dev.aiperf.transport;

import dev.aiperf.api.transport.TransportRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code pooled} strategy: a keep-alive pool per origin ({@link OriginPool}), most recently used connection
 * first, at most {@link HttpTransportSettings#connectionLimit()} connections; further requests wait for one, at
 * most the request timeout.
 */
final class PooledConnections implements ConnectionSource {

    private final Bootstrap bootstrap;
    private final ChannelSetup setup;
    private final HttpTransportSettings settings;
    private final Map<Origin, OriginPool> pools = new ConcurrentHashMap<>();
    private volatile boolean closed;

    PooledConnections(Bootstrap bootstrap, ChannelSetup setup, HttpTransportSettings settings) {
        this.bootstrap = bootstrap;
        this.setup = setup;
        this.settings = settings;
    }

    @Override
    public Future<Channel> acquire(Origin origin, TransportRequest request) {
        return pool(origin).acquire();
    }

    @Override
    public void release(Channel channel, Origin origin, TransportRequest request, boolean reusable) {
        OriginPool pool = pools.get(origin);
        if (pool == null) {
            channel.close();
        } else {
            pool.release(channel, reusable);
        }
    }

    @Override
    public CompletableFuture<Integer> preconnect(Origin origin, int connections) {
        int count = Math.min(connections, settings.connectionLimit());
        return count <= 0 ? CompletableFuture.completedFuture(0) : pool(origin).preconnect(count);
    }

    @Override
    public void close() {
        closed = true;
        pools.values().forEach(OriginPool::close);
    }

    /** The pool of {@code origin} (for tests); created on first use. */
    OriginPool pool(Origin origin) {
        OriginPool pool = pools.computeIfAbsent(origin, this::newPool);
        if (closed) {
            pool.close(); // created after close(): it hands out nothing
        }
        return pool;
    }

    private OriginPool newPool(Origin origin) {
        return new OriginPool(origin, bootstrap, setup, settings.connectionLimit(),
                Math.max(1, settings.requestTimeout().toNanos()));
    }
}
