package dev.aiperf.mock;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An OpenAI-compatible mock LLM server for tests, demos and calibration, on Netty.
 *
 * <pre>{@code
 * try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).fast(true).build())) {
 *     URI chat = URI.create(server.baseUrl() + "/v1/chat/completions");
 *     ...
 * }
 * }</pre>
 *
 * <h2>Endpoints</h2>
 * <ul>
 *   <li>{@code POST /v1/chat/completions}, {@code POST /v1/completions}: streamed (server-sent events, ending with
 *       {@code data: [DONE]}) when {@code "stream": true}, else one JSON body; {@code usage} always, and a final
 *       {@code "choices":[]} usage chunk when {@code stream_options.include_usage} is true. Honours
 *       {@code max_completion_tokens}/{@code max_tokens}, {@code min_tokens}, {@code ignore_eos} (exactly max
 *       tokens) and, for models whose name contains {@code gpt-oss} or {@code qwen}, {@code reasoning_effort}.</li>
 *   <li>{@code POST /v1/embeddings}: 768-dimension deterministic vectors.</li>
 *   <li>{@code POST /v1/responses}: the OpenAI Responses API, whole or as its typed events
 *       ({@code response.output_text.delta}, {@code response.reasoning_text.delta}, {@code response.completed}
 *       with {@code usage}); honours {@code max_output_tokens} and {@code reasoning.effort}.</li>
 *   <li>{@code POST /generate}, {@code POST /generate_stream}: Hugging Face TGI ({@code inputs},
 *       {@code parameters.max_new_tokens}).</li>
 *   <li>{@code POST /v1/ranking} (NIM), {@code POST /rerank} (Hugging Face TEI), {@code POST /v2/rerank} (Cohere):
 *       deterministic relevance scores, best first.</li>
 *   <li>{@code POST /v1/images/generations}: {@code n} 1×1 PNG images, whole or streamed
 *       ({@code image_generation.partial_image}, {@code image_generation.completed}).</li>
 *   <li>{@code GET /v1/models}: configured models and models seen in requests.</li>
 *   <li>{@code GET /health}: {@code {"status":"healthy","config":{…}}}; {@code GET /}: the same settings.</li>
 *   <li>Anything else: 404; a known path with the wrong method: 405; a body that is not valid JSON or lacks a
 *       required field: 400. Every error body is {@code {"detail": "..."}}.</li>
 * </ul>
 *
 * <h2>Protocols</h2>
 * HTTP/1.1 and cleartext HTTP/2 with prior knowledge (h2c; told apart by the client preface) on the same port;
 * with {@link MockTls} ({@link #start(MockServerConfig, MockTls)}) HTTPS and HTTP/2 over TLS, chosen by ALPN.
 * {@code Upgrade: h2c} is not supported. Over HTTP/2 the server allows {@value ProtocolPipelines#MAX_CONCURRENT_STREAMS}
 * concurrent streams per connection; every endpoint, fault and timing below is the same as over HTTP/1.1 (a
 * truncated stream is reset rather than its connection closed).
 *
 * <h2>Timing</h2>
 * Latencies count from the arrival of the request headers. Streamed token {@code k} (reasoning tokens first; counted
 * from the first token's actual send when that was late, so a late first token never shortens the ITL) is
 * written at {@code arrival + ttft + k·itl}; a whole response at {@code arrival + ttft + itl·contentTokens}; an
 * embeddings response at {@code arrival + base + perInput·inputs}. Waits are scheduled on the connection's event
 * loop, never slept, and no thread is held per request. With native epoll (the default on Linux x86_64) writes are
 * on time within tens of microseconds; with NIO within about a millisecond (see {@link IoTransport}).
 *
 * <h2>Faults</h2>
 * The inference endpoints fail on purpose when asked to (command-line flag, then builder method):
 * <ul>
 *   <li>{@code --error-rate P}, {@link MockServerConfig.Builder#errorRatePercent}: P percent of requests answer
 *       {@code 500 {"detail":"Simulated error"}}, drawn from {@code --random-seed} in request order.</li>
 *   <li>{@code --fault-status CODE}, {@link MockServerConfig.Builder#faultStatus}: every request answers CODE
 *       (e.g. 429, 503) with {@code {"detail":"Simulated status CODE"}}.</li>
 *   <li>{@code --fault-truncate-stream-after N}, {@link MockServerConfig.Builder#faultTruncateStreamAfter}: streams
 *       are cut (connection closed) after N token chunks, without {@code [DONE]} or the last HTTP chunk.</li>
 *   <li>{@code --fault-malformed-json-rate P}, {@link MockServerConfig.Builder#faultMalformedJsonRatePercent}:
 *       P percent of whole bodies and stream chunks lose their closing brace.</li>
 *   <li>{@code --fault-stall-after-headers}, {@link MockServerConfig.Builder#faultStallAfterHeaders}: 200 headers,
 *       then silence on an open connection, for read-timeout tests.</li>
 * </ul>
 * See {@link FaultInjection} for how they combine. {@code /health} and {@code /v1/models} never fault.
 */
public final class MockServer implements AutoCloseable {

    private final MockServerConfig config;
    private final IoTransport transport;
    private final EventLoopGroup group;
    private final Channel serverChannel;
    /** Every accepted connection still open, so {@link #close()} can end them rather than leave them silent. */
    private final ChannelGroup connections;
    private final int port;
    private final boolean secure;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private final ServerContext context;

    private MockServer(MockServerConfig config, IoTransport transport, EventLoopGroup group, Channel serverChannel,
                       ChannelGroup connections, boolean secure, ServerContext context) {
        this.secure = secure;
        this.context = context;
        this.config = config;
        this.transport = transport;
        this.group = group;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Binds and starts serving; returns once the port is open.
     *
     * @throws MockServerStartException if the address cannot be bound (in use, unknown host, no permission)
     */
    public static MockServer start(MockServerConfig config) {
        return start(config, null);
    }

    /**
     * Like {@link #start(MockServerConfig)}, serving HTTPS and HTTP/2 over TLS (ALPN {@code h2} or
     * {@code http/1.1}) when {@code tls} is not null; {@link #baseUrl()} is then {@code https://}.
     *
     * @throws MockServerStartException if the address cannot be bound (in use, unknown host, no permission)
     * @throws IllegalArgumentException when {@code --tokenizer} names no tokenizer on this machine
     */
    public static MockServer start(MockServerConfig config, MockTls tls) {
        ServerContext context = new ServerContext(config, TokenCorpus.shakespeare(MockTokenizer.forConfig(config)));
        ProtocolPipelines pipelines = new ProtocolPipelines(context);
        context.warmUp();
        IoTransport transport = config.transport().resolve();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(config.effectiveWorkers(),
                new DefaultThreadFactory("aiperf-mock", true), transport.ioHandlerFactory());
        ChannelGroup connections = new DefaultChannelGroup("aiperf-mock-connections", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, 8192)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .handler(new ConnectionTracker(connections))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        if (tls != null) {
                            pipeline.addLast(tls.context().newHandler(channel.alloc()));
                            pipeline.addLast(new AlpnProtocolSelector(pipelines));
                        } else {
                            pipeline.addLast(new CleartextProtocolDetector(pipelines));
                        }
                    }
                });
        try {
            Channel channel = bootstrap.bind(config.host(), config.port()).syncUninterruptibly().channel();
            MockServer server = new MockServer(config, transport, group, channel, connections, tls != null, context);
            if (tls == null) {
                server.warmUpConnection(context);
            }
            return server;
        } catch (Exception e) { // Netty rethrows checked bind errors (e.g. "Address already in use") unchecked
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new MockServerStartException("cannot listen on " + hostForUrl(config.host()) + ":" + config.port()
                    + ": " + describe(e), e);
        }
    }

    /** The port listened on: the configured one, or the one picked when the configuration said 0. */
    public int port() {
        return port;
    }

    /** The host the server is bound to. */
    public String host() {
        return config.host();
    }

    /** {@code http://host:port} ({@code https} with TLS), without a trailing slash; IPv6 hosts in brackets. */
    public String baseUrl() {
        return (secure ? "https://" : "http://") + hostForUrl(config.host()) + ":" + port;
    }

    public MockServerConfig config() {
        return config;
    }

    /**
     * Keeps the next {@code limit} requests (method, path and body as sent) from now on, replacing any
     * earlier capture: what a test checks to see exactly what a client sent.
     */
    public RequestCapture captureRequests(int limit) {
        return context.startCapture(limit);
    }

    /** How many times a client called {@code POST /reset_prefix_cache}. */
    public long prefixCacheResets() {
        return context.control.kvCacheResets.get();
    }

    /** How many times a client called {@code POST /start_profile}. */
    public long profilerStarts() {
        return context.control.profilerStarts.get();
    }

    /** How many times a client called {@code POST /stop_profile}. */
    public long profilerStops() {
        return context.control.profilerStops.get();
    }

    /** The transport in use: {@link IoTransport#EPOLL} or {@link IoTransport#NIO}, never {@code AUTO}. */
    public IoTransport transport() {
        return transport;
    }

    /** Blocks until {@link #close()} has finished (from another thread or a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /**
     * Stops listening, closes every connection (requests in progress included: their clients see the
     * connection end at once, not a silence until their timeout) and stops the event loops; waits at
     * most a few seconds.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        try {
            // No connection is accepted once the listening channel is closed, so the group is complete.
            serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        } finally {
            closed.countDown();
        }
    }

    /**
     * Asks itself for {@code /health} once over a real connection: the first connection loads the HTTP codec and
     * pipeline classes (100-200 ms), which would otherwise land in the first TTFT a benchmark measures.
     */
    private void warmUpConnection(ServerContext context) {
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        InetAddress target = bound.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress()
                : bound.getAddress();
        try (Socket socket = new Socket(target, port)) {
            socket.setSoTimeout(5_000);
            String request = "GET /health HTTP/1.1\r\nHost: warm-up\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes();
        } catch (IOException e) {
            context.verboseLog("warm-up request to " + baseUrl() + " failed (harmless): " + e);
        }
    }

    private void awaitQuietly() {
        try {
            closed.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * On the listening channel: records each accepted connection as it is accepted, before it is set up
     * on its event loop, so a connection accepted just before {@link #close()} is not missed.
     */
    @ChannelHandler.Sharable
    private static final class ConnectionTracker extends ChannelInboundHandlerAdapter {
        private final ChannelGroup connections;

        ConnectionTracker(ChannelGroup connections) {
            this.connections = connections;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object accepted) {
            connections.add((Channel) accepted);
            ctx.fireChannelRead(accepted);
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        // The native transport says "bind(..) failed with error(-98): Address already in use"; keep the last part.
        return message.replaceFirst("^bind\\(\\.\\.\\) failed with error\\(-?\\d+\\): ", "");
    }
}
