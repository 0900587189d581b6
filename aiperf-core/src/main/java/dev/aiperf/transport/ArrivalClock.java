package dev.aiperf.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First in the pipeline: notes {@code System.nanoTime()} when each read's bytes arrive from the
 * socket, before TLS or HTTP decoding touches them. Everything decoded from that read shares the stamp.
 */
final class ArrivalClock extends ChannelInboundHandlerAdapter {

    private long lastArrivalNs;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastArrivalNs = System.nanoTime();
        ctx.fireChannelRead(msg);
    }

    /** When the bytes now being decoded arrived. */
    long lastArrivalNs() {
        return lastArrivalNs;
    }
}
