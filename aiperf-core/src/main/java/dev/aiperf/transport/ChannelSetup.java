package dev.aiperf.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.timeout.IdleStateHandler;

import javax.net.ssl.SSLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Builds the pipeline of every connection: arrival clock, TLS for {@code https}, the HTTP/1.1
 * response decoder, an idle timer for pooled keep-alive connections, and the response handler.
 */
final class ChannelSetup {

    private static final int MAX_CHUNK_BYTES = 64 * 1024;

    private final HttpTransportSettings settings;
    private final BooleanSupplier transportClosing;
    private final AtomicLong opened = new AtomicLong();
    private volatile SslContext sslContext;

    ChannelSetup(HttpTransportSettings settings, BooleanSupplier transportClosing) {
        this.settings = settings;
        this.transportClosing = transportClosing;
    }

    void initialize(Channel channel, Origin origin) {
        opened.incrementAndGet();
        ChannelPipeline pipeline = channel.pipeline();
        ArrivalClock clock = new ArrivalClock();
        pipeline.addLast("arrival", clock);
        ConnectionTimes times = new ConnectionTimes();
        pipeline.addLast("connection-times", times);
        if (origin.secure()) {
            SslHandler tls = sslContext().newHandler(channel.alloc(), origin.host(), origin.port());
            tls.setHandshakeTimeoutMillis(Math.max(1, settings.connectTimeout().toMillis()));
            pipeline.addLast("tls", tls);
            times.watch(tls);
        }
        // Responses only: requests are written as bytes by the response handler (Http1RequestWriter).
        pipeline.addLast("http", new HttpResponseDecoder(new HttpDecoderConfig().setMaxChunkSize(MAX_CHUNK_BYTES)));
        pipeline.addLast("keep-alive", new IdleStateHandler(0, 0, settings.keepAliveTimeout().toMillis(),
                TimeUnit.MILLISECONDS));
        pipeline.addLast("response", new HttpResponseHandler(clock, settings, transportClosing));
    }

    /** Connections set up so far. */
    long connectionsOpened() {
        return opened.get();
    }

    private SslContext sslContext() {
        SslContext context = sslContext;
        if (context == null) {
            synchronized (this) {
                if (sslContext == null) {
                    sslContext = buildSslContext(settings.sslVerify());
                }
                context = sslContext;
            }
        }
        return context;
    }

    /** JDK TLS; certificates and host names are checked unless {@code AIPERF_HTTP_SSL_VERIFY=false}. */
    static SslContext buildSslContext(boolean verify) {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        if (verify) {
            builder.endpointIdentificationAlgorithm("HTTPS");
        } else {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
