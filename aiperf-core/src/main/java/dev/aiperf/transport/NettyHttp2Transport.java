package dev.aiperf.transport;

import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.transport.Transport;
import dev.aiperf.api.transport.TransportContext;
import dev.aiperf.api.transport.TransportRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import javax.net.ssl.SSLException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The {@code http2} transport: HTTP/2 over Netty, many requests multiplexed as streams over few
 * connections. {@code http://} and {@code h2c://} URLs speak cleartext HTTP/2 with prior knowledge
 * (no {@code Upgrade: h2c} round trip); {@code https://} and {@code h2://} URLs negotiate {@code h2}
 * with ALPN over TLS. Per origin, a connection carries up to the server's
 * {@code SETTINGS_MAX_CONCURRENT_STREAMS} streams (at most {@value Http2ClientConnection#MAX_STREAMS});
 * another opens only when all are full, up to {@code AIPERF_HTTP_CONNECTION_LIMIT}.
 *
 * <p>Measurements and errors are those of the {@code http} transport: {@code System.nanoTime()} is taken
 * when each read's bytes come off the socket, before TLS or HTTP/2 decoding, and every DATA frame of the
 * read carries it into the same SSE and body decoding ({@link ResponseBodyDecoder}). Futures never
 * complete exceptionally; request and read timeouts, statuses other than 200, SSE error events, stream
 * resets and lost connections become the record's error. Cancelling a future sends RST_STREAM(CANCEL)
 * for its stream; the connection and its other streams carry on.
 */
public final class NettyHttp2Transport implements Transport, TransportDiagnostics {

    /** The {@code trace_type} of this transport's traces. */
    static final String TRACE_TYPE = "netty-http2";

    private final HttpTransportSettings settings;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final Map<Origin, Http2ConnectionPool> pools = new ConcurrentHashMap<>();
    private final Set<HttpExchange> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private volatile SslContext sslContext;
    private volatile boolean closing;

    public NettyHttp2Transport(TransportContext context) {
        this(HttpTransportSettings.from(context.config()));
    }

    public NettyHttp2Transport(HttpTransportSettings settings) {
        this.settings = settings;
        this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(),
                new DefaultThreadFactory("aiperf-http2", true), NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, Math.max(1, settings.connectTimeout().toMillis())));
    }

    @Override
    public CompletableFuture<RequestRecord> sendRequest(TransportRequest request) {
        long startNs = System.nanoTime();
        long timestampNs = wallClockNs();
        Origin origin;
        try {
            origin = originOf(request.url());
        } catch (IllegalArgumentException e) {
            HttpExchange invalid = new HttpExchange(request, null, timestampNs, startNs, startNs);
            invalid.fail(new ErrorDetails(null, "InvalidURL", e.getMessage()), startNs);
            return invalid.future;
        }
        HttpExchange exchange = new HttpExchange(request, origin, timestampNs, startNs,
                saturatedAdd(startNs, settings.requestTimeout().toNanos()), settings.traceRecorder(TRACE_TYPE, startNs));
        inFlight.add(exchange);
        exchange.future.whenComplete((record, error) -> inFlight.remove(exchange));
        if (closing) {
            exchange.fail(TransportErrors.transportClosed(), startNs);
            return exchange.future;
        }
        try {
            pools.computeIfAbsent(origin, this::newPool).dispatch(exchange);
        } catch (RuntimeException e) {
            // e.g. the event loop rejected the connect because the transport is shutting down
            exchange.fail(closing ? TransportErrors.transportClosed() : TransportErrors.connectFailed(origin, e),
                    System.nanoTime());
        }
        return exchange.future;
    }

    /** Completes the request's future with what it received so far, and resets its stream. */
    @Override
    public void cancel(CompletableFuture<RequestRecord> request) {
        HttpExchange.cancel(request);
    }

    /** Opens the connections {@code streams} concurrent requests will need at the server's stream limit. */
    @Override
    public CompletableFuture<Integer> preconnect(URI url, int streams) {
        if (closing || streams <= 0) {
            return CompletableFuture.completedFuture(0);
        }
        try {
            return pools.computeIfAbsent(originOf(url), this::newPool).preconnect(streams)
                    .exceptionally(failure -> 0);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(0); // a bad URL fails each request with its own message
        }
    }

    /** Most connections per server; each carries up to the server's stream limit. */
    @Override
    public int connectionLimit() {
        return settings.connectionLimit();
    }

    @Override
    public void probeIoThreads(LongConsumer waitedNs) {
        IoThreadProbe.probe(group, waitedNs);
    }

    /** How many connections this transport has opened: with multiplexing, a handful for thousands of requests. */
    public long connectionsOpened() {
        return connectionsOpened.get();
    }

    /** HTTP/2 streams open now on all connections (read racily: for tests and diagnostics). */
    int openStreams() {
        return pools.values().stream().mapToInt(Http2ConnectionPool::openStreams).sum();
    }

    /** Closes every connection and stops the event loops; in-flight requests end as {@code TransportClosed}. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        pools.values().forEach(Http2ConnectionPool::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        long now = System.nanoTime();
        for (HttpExchange exchange : List.copyOf(inFlight)) {
            exchange.fail(TransportErrors.transportClosed(), now);
        }
    }

    /**
     * The origin of a URL: {@code http} and {@code h2c} are cleartext with prior knowledge,
     * {@code https} and {@code h2} are TLS with ALPN.
     *
     * @throws IllegalArgumentException for other schemes or a URL without a host
     */
    static Origin originOf(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = switch (scheme) {
            case "http", "h2c" -> false;
            case "https", "h2" -> true;
            default -> throw new IllegalArgumentException("The http2 transport serves http:// and h2c:// (cleartext"
                    + " HTTP/2 with prior knowledge), https:// and h2:// (TLS with ALPN) URLs, not '" + url + "'");
        };
        if (url.getHost() == null) {
            throw new IllegalArgumentException("The URL '" + url + "' has no host");
        }
        int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
        return new Origin(url.getHost(), port, secure);
    }

    private Http2ConnectionPool newPool(Origin origin) {
        return new Http2ConnectionPool(settings.connectionLimit(), pool -> open(origin, pool));
    }

    /** Starts connecting; exchanges may be submitted to the connection at once and wait until it is ready. */
    private Http2ClientConnection open(Origin origin, Http2ConnectionPool pool) {
        connectionsOpened.incrementAndGet();
        EventLoop loop = group.next();
        ArrivalClock clock = new ArrivalClock();
        Http2ClientConnection connection = Http2ClientConnection.create(origin, loop, pool, settings, clock,
                () -> closing);
        SslContext tls = origin.secure() ? sslContext() : null;
        ChannelFuture connect = bootstrap.clone(loop).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
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
                pipeline.addLast("keep-alive", new IdleStateHandler(0, 0, settings.keepAliveTimeout().toMillis(),
                        TimeUnit.MILLISECONDS));
                pipeline.addLast("http2", connection);
            }
        }).connect(origin.host(), origin.port());
        connection.attach(connect.channel());
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                connection.connectFailed(done.cause());
            }
        });
        return connection;
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

    /** JDK TLS offering only {@code h2} by ALPN; certificates and host names checked unless told not to. */
    static SslContext buildSslContext(boolean verify) {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2));
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

    private static long wallClockNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
