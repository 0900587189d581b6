package dev.aiperf.mock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;

import java.util.List;

/**
 * First on a cleartext connection: reads just enough to tell the HTTP/2 client preface
 * ({@code PRI * HTTP/2.0...}, h2c with prior knowledge) from an HTTP/1.1 request, sets up that
 * protocol's handlers and steps aside; the bytes read so far go on to them.
 */
final class CleartextProtocolDetector extends ByteToMessageDecoder {

    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private final ProtocolPipelines pipelines;

    CleartextProtocolDetector(ProtocolPipelines pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int compared = Math.min(in.readableBytes(), PREFACE.readableBytes());
        boolean matches = ByteBufUtil.equals(PREFACE, PREFACE.readerIndex(), in, in.readerIndex(), compared);
        if (matches && compared < PREFACE.readableBytes()) {
            return; // could still be the preface: wait for more bytes
        }
        if (matches) {
            pipelines.http2(ctx.pipeline());
        } else {
            pipelines.http1(ctx.pipeline());
        }
        ctx.pipeline().remove(this);
    }
}
