package dev.aiperf.transport;

import dev.aiperf.api.transport.TransportContext;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
public final class NettyHttp2Transport extends NettyTransportBase {

    /** The {@code trace_type} of this transport's traces. */
    static final String TRACE_TYPE = "netty-http2";

    private final Map<Origin, Http2ConnectionPool> pools = new ConcurrentHashMap<>();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final ClientTls tls;

    public NettyHttp2Transport(TransportContext context) {
        this(HttpTransportSettings.from(context.config()));
    }

    public NettyHttp2Transport(HttpTransportSettings settings) {
        super(settings, "aiperf-http2", TRACE_TYPE);
        this.tls = new ClientTls(settings.sslVerify(), true);
    }

    @Override
    Origin origin(URI url) {
        return originOf(url);
    }

    @Override
    void dispatch(HttpExchange exchange) {
        pools.computeIfAbsent(exchange.origin, this::newPool).dispatch(exchange);
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

    /** How many connections this transport has opened: with multiplexing, a handful for thousands of requests. */
    public long connectionsOpened() {
        return connectionsOpened.get();
    }

    /** HTTP/2 streams open now on all connections (read racily: for tests and diagnostics). */
    int openStreams() {
        return pools.values().stream().mapToInt(Http2ConnectionPool::openStreams).sum();
    }

    @Override
    void closeConnections() {
        pools.values().forEach(Http2ConnectionPool::close);
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
        SslContext tls = origin.secure() ? this.tls.context() : null;
        ChannelFuture connect = bootstrap.clone(loop).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                ChannelPipeline pipeline = ChannelSetup.front(channel, clock, tls, origin, settings);
                pipeline.addLast("keep-alive", ChannelSetup.keepAlive(settings));
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
}
