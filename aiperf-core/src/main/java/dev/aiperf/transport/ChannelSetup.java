package dev.aiperf.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Builds the pipeline of every connection: arrival clock, TLS for {@code https}, the HTTP/1.1
 * response decoder and the response handler, watched by its event loop's {@link TimeoutSweep} (which also
 * closes keep-alive connections left idle too long).
 */
final class ChannelSetup {

    private static final int MAX_CHUNK_BYTES = 64 * 1024;

    private final HttpTransportSettings settings;
    private final BooleanSupplier transportClosing;
    private final AtomicLong opened = new AtomicLong();
    private final ClientTls tls;
    private final Map<EventExecutor, TimeoutSweep> sweeps;

    ChannelSetup(HttpTransportSettings settings, BooleanSupplier transportClosing,
                 Map<EventExecutor, TimeoutSweep> sweeps) {
        this.settings = settings;
        this.transportClosing = transportClosing;
        this.tls = new ClientTls(settings.sslVerify(), false);
        this.sweeps = sweeps;
    }

    void initialize(Channel channel, Origin origin) {
        opened.incrementAndGet();
        ArrivalClock clock = new ArrivalClock();
        ChannelPipeline pipeline = front(channel, clock, origin.secure() ? tls.context() : null, origin, settings);
        // Responses only: requests are written as bytes by the response handler (Http1RequestWriter).
        pipeline.addLast("http", new HttpResponseDecoder(new HttpDecoderConfig().setMaxChunkSize(MAX_CHUNK_BYTES)));
        pipeline.addLast("response", new HttpResponseHandler(clock, settings, transportClosing,
                sweeps.get(channel.eventLoop())));
    }

    /**
     * The front of every connection's pipeline, HTTP/1.1 or HTTP/2: the arrival clock first, the connection's
     * phase times, and TLS when {@code tls} is given (its handshake bounded by the connect timeout).
     */
    static ChannelPipeline front(Channel channel, ArrivalClock clock, SslContext tls, Origin origin,
                                 HttpTransportSettings settings) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("arrival", clock);
        ConnectionTimes times = new ConnectionTimes();
        pipeline.addLast("connection-times", times);
        if (tls != null) {
            SslHandler handler = tls.newHandler(channel.alloc(), origin.host(), origin.port());
            handler.setHandshakeTimeoutMillis(Math.max(1, settings.connectTimeout().toMillis()));
            pipeline.addLast("tls", handler);
            times.watch(handler);
        }
        return pipeline;
    }

    /** HTTP/2: closes a connection idle past {@code AIPERF_HTTP_KEEPALIVE_TIMEOUT} (its handler sees the event). */
    static IdleStateHandler keepAlive(HttpTransportSettings settings) {
        return new IdleStateHandler(0, 0, settings.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connections set up so far. */
    long connectionsOpened() {
        return opened.get();
    }
}
