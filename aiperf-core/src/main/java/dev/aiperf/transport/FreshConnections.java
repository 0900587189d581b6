package dev.aiperf.transport;

import dev.aiperf.api.transport.TransportRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

/** The {@code never} strategy: a new connection for every request, closed after it. */
final class FreshConnections implements ConnectionSource {

    private final Bootstrap bootstrap;
    private final ChannelSetup setup;

    FreshConnections(Bootstrap bootstrap, ChannelSetup setup) {
        this.bootstrap = bootstrap;
        this.setup = setup;
    }

    @Override
    public Future<Channel> acquire(Origin origin, TransportRequest request) {
        return connect(bootstrap, setup, origin);
    }

    /** Opens one connection to {@code origin} with the transport's pipeline. */
    static Future<Channel> connect(Bootstrap bootstrap, ChannelSetup setup, Origin origin) {
        ChannelFuture connect = open(bootstrap, setup, origin);
        Promise<Channel> promise = connect.channel().eventLoop().newPromise();
        connect.addListener(done -> {
            if (done.isSuccess()) {
                promise.setSuccess(connect.channel());
            } else {
                promise.setFailure(done.cause());
            }
        });
        return promise;
    }

    /** Starts opening one connection to {@code origin} with the transport's pipeline; its channel exists at once. */
    static ChannelFuture open(Bootstrap bootstrap, ChannelSetup setup, Origin origin) {
        return bootstrap.clone().handler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                setup.initialize(channel, origin);
            }
        }).connect(origin.host(), origin.port());
    }

    @Override
    public void release(Channel channel, Origin origin, TransportRequest request, boolean reusable) {
        channel.close();
    }

    @Override
    public void close() {
        // Nothing is kept between requests.
    }
}
