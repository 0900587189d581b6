package dev.aiperf.transport;

import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.transport.TransportRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code sticky-user-sessions} strategy: each session (by {@code X-Correlation-ID}) keeps its own
 * connection for all its turns; it is closed after the final turn or a failure.
 */
final class StickySessionConnections implements ConnectionSource {

    private final Bootstrap bootstrap;
    private final ChannelSetup setup;
    private final Map<String, Channel> bySession = new ConcurrentHashMap<>();

    StickySessionConnections(Bootstrap bootstrap, ChannelSetup setup) {
        this.bootstrap = bootstrap;
        this.setup = setup;
    }

    @Override
    public Future<Channel> acquire(Origin origin, TransportRequest request) {
        String key = key(origin, request);
        Channel kept = key == null ? null : bySession.remove(key);
        if (kept != null && kept.isActive()) {
            return kept.eventLoop().newSucceededFuture(kept);
        }
        if (kept != null) {
            kept.close();
        }
        return FreshConnections.connect(bootstrap, setup, origin);
    }

    @Override
    public void release(Channel channel, Origin origin, TransportRequest request, boolean reusable) {
        String key = key(origin, request);
        if (reusable && key != null && !isFinalTurn(request.requestInfo()) && channel.isActive()) {
            Channel previous = bySession.put(key, channel);
            if (previous != null && previous != channel) {
                previous.close();
            }
        } else {
            channel.close();
        }
    }

    @Override
    public void close() {
        bySession.values().forEach(Channel::close);
        bySession.clear();
    }

    private static String key(Origin origin, TransportRequest request) {
        RequestInfo info = request.requestInfo();
        return info == null || info.xCorrelationId() == null ? null : origin + "|" + info.xCorrelationId();
    }

    private static boolean isFinalTurn(RequestInfo info) {
        return info.conversation() == null || info.turnIndex() >= info.conversation().turns().size() - 1;
    }
}
