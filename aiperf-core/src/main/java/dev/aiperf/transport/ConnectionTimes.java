package dev.aiperf.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.SslHandler;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * How one connection was opened, for the HTTP trace of the requests it carries: created (before the
 * server's name is resolved), TCP connect started (the name resolved), connected, TLS handshake done;
 * each stamped with {@code System.nanoTime()} when it happened. Sits in every connection's pipeline;
 * written and read only on the connection's event loop.
 */
final class ConnectionTimes extends ChannelDuplexHandler {

    final long createdNs = System.nanoTime();
    long connectStartNs;
    long connectEndNs;
    long tlsEndNs;
    /** Some exchange already went out on this connection: the next ones reuse it. */
    boolean used;
    String localIp;
    int localPort;
    String remoteIp;
    int remotePort;

    /** Notes when a TLS connection's handshake completes (it starts when TCP connects). */
    void watch(SslHandler tls) {
        tls.handshakeFuture().addListener(done -> {
            if (done.isSuccess()) {
                tlsEndNs = System.nanoTime();
            }
        });
    }

    boolean secure() {
        return tlsEndNs != 0;
    }

    /** When the connection became usable: connected, and for TLS the handshake done. */
    long readyNs() {
        return tlsEndNs != 0 ? tlsEndNs : connectEndNs;
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise)
            throws Exception {
        connectStartNs = System.nanoTime(); // the bootstrap resolved the name just before
        promise.addListener(done -> {
            if (done.isSuccess()) {
                connectEndNs = System.nanoTime();
                if (ctx.channel().localAddress() instanceof InetSocketAddress address) {
                    localIp = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
                    localPort = address.getPort();
                }
                if (ctx.channel().remoteAddress() instanceof InetSocketAddress address) {
                    remoteIp = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
                    remotePort = address.getPort();
                }
            }
        });
        super.connect(ctx, remote, local, promise);
    }
}
