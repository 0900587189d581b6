package dev.aiperf.mock;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;

/** After the TLS handshake: HTTP/2 when the client chose {@code h2} by ALPN, else HTTP/1.1. */
final class AlpnProtocolSelector extends ApplicationProtocolNegotiationHandler {

    private final ProtocolPipelines pipelines;

    AlpnProtocolSelector(ProtocolPipelines pipelines) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.pipelines = pipelines;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            pipelines.http2(ctx.pipeline());
        } else {
            pipelines.http1(ctx.pipeline());
        }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // e.g. a client rejecting the self-signed certificate: nothing to log
    }
}
