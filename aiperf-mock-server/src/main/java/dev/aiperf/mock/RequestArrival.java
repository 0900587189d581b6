package dev.aiperf.mock;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Notes when the headers of each request arrive, before the body is aggregated: the moment the mock's latencies
 * count from, like the outermost timing middleware of the original. One per connection.
 */
final class RequestArrival extends ChannelInboundHandlerAdapter {

    private long lastHeadersNanos;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            lastHeadersNanos = System.nanoTime();
        }
        ctx.fireChannelRead(msg);
    }

    /** {@link System#nanoTime()} when the headers of the request being aggregated, or just aggregated, arrived. */
    long lastHeadersNanos() {
        return lastHeadersNanos;
    }
}
