package dev.aiperf.mock;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;

/**
 * The handlers that serve one connection, per protocol. HTTP/1.1: codec, arrival stamp, aggregator,
 * {@link MockHttpHandler}. HTTP/2: Netty's frame codec and multiplexer, and for every stream the same
 * handlers as HTTP/1.1 behind a frame-to-HTTP-object converter, so every endpoint, fault and token
 * timing is the same code for both.
 */
final class ProtocolPipelines {

    /** What the mock advertises in SETTINGS_MAX_CONCURRENT_STREAMS: the common server default. */
    static final int MAX_CONCURRENT_STREAMS = 100;
    /** Request bodies above this size are answered 413 by the aggregator. */
    private static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024;

    private final ServerContext context;

    ProtocolPipelines(ServerContext context) {
        this.context = context;
    }

    void http1(ChannelPipeline pipeline) {
        RequestArrival arrival = new RequestArrival();
        pipeline.addLast(new HttpServerCodec());
        pipeline.addLast(arrival);
        pipeline.addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
        pipeline.addLast(new MockHttpHandler(context, arrival));
    }

    void http2(ChannelPipeline pipeline) {
        pipeline.addLast(Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(MAX_CONCURRENT_STREAMS))
                // A benchmark's client cancels many streams at its end: not an attack, keep the connection.
                .decoderEnforceMaxRstFramesPerWindow(0, 0)
                .encoderEnforceMaxRstFramesPerWindow(0, 0)
                .gracefulShutdownTimeoutMillis(0)
                .build());
        pipeline.addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                RequestArrival arrival = new RequestArrival();
                ChannelPipeline streamPipeline = stream.pipeline();
                streamPipeline.addLast(new Http2StreamFrameToHttpObjectCodec(true));
                streamPipeline.addLast(arrival);
                streamPipeline.addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
                streamPipeline.addLast(new MockHttpHandler(context, arrival));
            }
        }));
    }
}
