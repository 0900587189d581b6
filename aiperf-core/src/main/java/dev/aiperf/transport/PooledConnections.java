package dev.aiperf.transport;

import dev.aiperf.api.transport.TransportRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.util.concurrent.Future;

import java.util.Map;
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
