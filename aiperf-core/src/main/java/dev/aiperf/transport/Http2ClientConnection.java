package dev.aiperf.transport;

import dev.aiperf.api.model.ErrorDetails;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2EventAdapter;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One connection of the {@code http2} transport: Netty's HTTP/2 codec and the exchanges multiplexed
 * on it, one stream each, at most the server's {@code SETTINGS_MAX_CONCURRENT_STREAMS} at a time.
 *
 * <p>Threads: {@link #tryReserve}, {@link #unreserve} and {@link #submit} are called from any thread;
 * everything else runs on the connection's event loop, which owns the stream table. Exchanges
 * submitted before the server's first SETTINGS wait; then those beyond its stream limit go back to
 * the pool, the others start. Every DATA frame is decoded with the {@link ArrivalClock} stamp taken
 * when its bytes came off the socket, before TLS or HTTP/2 decoding.
 */
final class Http2ClientConnection extends Http2ConnectionHandler {

    /** Streams assumed before the server's SETTINGS say otherwise (RFC 9113 recommends at least 100). */
    static final int ASSUMED_STREAMS = 100;
    /** Streams per connection when the server sets no limit. */
    static final int MAX_STREAMS = 1000;
    /** Receive windows: large enough that flow control never paces a benchmark's responses. */
    static final int STREAM_WINDOW = 1 << 20;
    private static final int CONNECTION_WINDOW = 16 << 20;
    private static final int DEFAULT_WINDOW = 65_535;
    /** Stream ids are odd and below 2^31: retire the connection well before they run out. */
    private static final int LAST_STREAM_ID = Integer.MAX_VALUE - 1024;

    private final Origin origin;
    private final EventLoop loop;
    private final Http2ConnectionPool pool;
    private final HttpTransportSettings settings;
    private final ArrivalClock clock;
    private final BooleanSupplier transportClosing;
    private final IntObjectMap<Http2StreamExchange> streams = new IntObjectHashMap<>();
    private final ArrayDeque<HttpExchange> pending = new ArrayDeque<>();
    private final ArrayDeque<ResponseBodyDecoder> spareDecoders = new ArrayDeque<>();
    private final AtomicInteger reserved = new AtomicInteger();
    /** Completes with the stream capacity once the server's first SETTINGS arrived, with 0 if that never happens. */
    private final CompletableFuture<Integer> readiness = new CompletableFuture<>();
    private volatile int capacity = ASSUMED_STREAMS;
    /** False once the connection takes no new exchanges (GOAWAY, idle, failed, closing). */
    private volatile boolean usable = true;
    private volatile Channel channel;
    private ChannelHandlerContext ctx;
    private boolean ready;
    /** Set once the connection failed: exchanges still arriving fail with it. */
    private ErrorDetails failure;
    private Throwable lastCause;
    private ScheduledFuture<?> settingsTimeout;
    /** How this connection was opened, for the trace of the first request it carries. */
    private ConnectionTimes connectionTimes;

    private Http2ClientConnection(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder,
                                  Http2Settings initialSettings, Origin origin, EventLoop loop,
                                  Http2ConnectionPool pool, HttpTransportSettings settings, ArrivalClock clock,
                                  BooleanSupplier transportClosing) {
        super(decoder, encoder, initialSettings);
        this.origin = origin;
        this.loop = loop;
        this.pool = pool;
        this.settings = settings;
        this.clock = clock;
        this.transportClosing = transportClosing;
        decoder.frameListener(new FrameListener());
        connection().addListener(new Http2ConnectionAdapter() {
            @Override
            public void onStreamClosed(Http2Stream stream) {
                // Normal ends leave the table first; a stream still in it closed without its end.
                Http2StreamExchange open = streams.get(stream.id());
                if (open != null) {
                    end(open, Http2Errors.streamReset(Http2Error.INTERNAL_ERROR.code(), open.headersReceived),
                            System.nanoTime());
                }
            }
        });
    }

    /** A connection that will live on {@code loop}; put it in the pipeline after the clock (and TLS). */
    static Http2ClientConnection create(Origin origin, EventLoop loop, Http2ConnectionPool pool,
                                        HttpTransportSettings settings, ArrivalClock clock,
                                        BooleanSupplier transportClosing) {
        return new Builder(origin, loop, pool, settings, clock, transportClosing).build();
    }

    // ---- any thread -------------------------------------------------------------------------------

    /** Claims a stream slot for an exchange about to be {@link #submit submitted}; false when full. */
    boolean tryReserve() {
        while (usable) {
            int taken = reserved.get();
            if (taken >= capacity) {
                return false;
            }
            if (reserved.compareAndSet(taken, taken + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a {@link #tryReserve} could succeed now. */
    boolean hasRoom() {
        return usable && reserved.get() < capacity;
    }

    void unreserve() {
        reserved.decrementAndGet();
    }

    /** Hands a reserved exchange to the event loop, which starts its stream once the connection is ready. */
    void submit(HttpExchange exchange) {
        if (loop.inEventLoop()) {
            admit(exchange);
            return;
        }
        try {
            loop.execute(() -> admit(exchange));
        } catch (RejectedExecutionException e) {
            unreserve();
            exchange.fail(TransportErrors.transportClosed(), System.nanoTime());
        }
    }

    /** The stream capacity once the connection is ready; 0 when it failed first. Never completes exceptionally. */
    CompletableFuture<Integer> whenReady() {
        return readiness;
    }

    /** Streams the codec holds open now (read racily, from any thread: for tests and diagnostics). */
    int openStreams() {
        return connection().numActiveStreams();
    }

    /** Closes the connection; its exchanges end as {@code TransportClosed}. */
    void close() {
        usable = false;
        Channel connected = channel;
        if (connected != null) {
            connected.close();
        }
    }

    /** The channel this connection runs on, as soon as the connect attempt has one. */
    void attach(Channel connecting) {
        channel = connecting;
        if (!usable) {
            connecting.close(); // closed while connecting
        }
    }

    // ---- event loop -------------------------------------------------------------------------------

    @Override
    public void handlerAdded(ChannelHandlerContext context) throws Exception {
        this.ctx = context;
        this.connectionTimes = context.pipeline().get(ConnectionTimes.class);
        super.handlerAdded(context);
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        super.channelActive(context);
        long waitNs = settings.connectTimeout().toNanos() * (origin.secure() ? 2 : 1);
        settingsTimeout = loop.schedule(() -> {
            if (!ready && failure == null) {
                die(new ErrorDetails(null, "ConnectTimeout", "No HTTP/2 SETTINGS from " + origin + " within "
                        + "%.3f s".formatted(waitNs / 1e9) + " of connecting"));
            }
        }, waitNs, TimeUnit.NANOSECONDS);
    }

    /** The TCP connection could not be made. */
    void connectFailed(Throwable cause) {
        die(transportClosing.getAsBoolean() ? TransportErrors.transportClosed()
                : TransportErrors.connectFailed(origin, cause));
    }

    private void admit(HttpExchange exchange) {
        if (failure != null) {
            unreserve();
            exchange.fail(failure, System.nanoTime());
            return;
        }
        if (!ready) {
            pending.add(exchange);
            return;
        }
        if (streams.size() >= capacity) {
            // The server lowered its limit after this slot was claimed: try elsewhere.
            unreserve();
            pool.dispatch(exchange);
            return;
        }
        start(exchange);
        flush();
    }

    private void start(HttpExchange exchange) {
        long now = System.nanoTime();
        if (exchange.isDone()) {
            releaseSlot();
            return;
        }
        if (now - exchange.deadlineNs >= 0) {
            releaseSlot();
            exchange.fail(TransportErrors.requestTimeout(settings.requestTimeout()), now);
            return;
        }
        int streamId = connection().local().incrementAndGetNextStreamId();
        if (streamId < 0 || streamId > LAST_STREAM_ID) {
            retire();
            unreserve();
            pool.dispatch(exchange);
            return;
        }
        ResponseBodyDecoder decoder = spareDecoders.poll();
        Http2StreamExchange stream = new Http2StreamExchange(exchange, streamId,
                decoder != null ? decoder : new ResponseBodyDecoder());
        streams.put(streamId, stream);
        stream.lastReadNs = now;
        stream.deadline = loop.schedule(() -> timedOut(stream, TransportErrors.requestTimeout(settings.requestTimeout())),
                exchange.deadlineNs - now, TimeUnit.NANOSECONDS);
        stream.readCheck = loop.schedule(() -> checkRead(stream), settings.readTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
        exchange.whenCancelled(() -> onLoop(() -> cancelled(stream)));
        Http2Headers headers = Http2RequestHeaders.of(exchange.request, origin);
        byte[] body = exchange.request.body();
        HttpTraceRecorder trace = exchange.trace;
        if (trace != null) {
            trace.boundTo(connectionTimes, System.nanoTime());
        }
        exchange.markSent();
        ChannelPromise sent = ctx.newPromise();
        if (body.length == 0) {
            encoder().writeHeaders(ctx, streamId, headers, 0, true, sent);
        } else {
            encoder().writeHeaders(ctx, streamId, headers, 0, false, ctx.voidPromise());
            encoder().writeData(ctx, streamId, Unpooled.wrappedBuffer(body), 0, true, sent);
        }
        sent.addListener(written -> {
            if (written.isSuccess()) {
                if (trace != null) {
                    trace.sent(System.nanoTime(), body.length);
                }
                exchange.written(loop);
            } else if (streams.get(streamId) == stream) {
                // A write cut short by the transport closing ends as TransportClosed, like every other in-flight request.
                end(stream, transportClosing.getAsBoolean() ? TransportErrors.transportClosed()
                        : TransportErrors.fromException("Cannot send the request to " + origin, written.cause()),
                        System.nanoTime());
                reset(streamId);
            }
        });
    }

    private void onSettings(Http2Settings received) {
        Long max = received.maxConcurrentStreams();
        if (max != null) {
            capacity = (int) Math.max(1, Math.min(max, MAX_STREAMS));
        } else if (!ready) {
            capacity = MAX_STREAMS;
        }
        if (ready) {
            return;
        }
        ready = true;
        if (settingsTimeout != null) {
            settingsTimeout.cancel(false);
        }
        try {
            connection().local().flowController().incrementWindowSize(connection().connectionStream(),
                    CONNECTION_WINDOW - DEFAULT_WINDOW);
        } catch (Http2Exception e) {
            lastCause = e; // keeps the default window: slower, still correct
        }
        // More exchanges waited than the server allows at once: the surplus goes to another connection.
        while (reserved.get() > capacity && !pending.isEmpty()) {
            HttpExchange surplus = pending.pollLast();
            unreserve();
            pool.dispatch(surplus);
        }
        HttpExchange next;
        while ((next = pending.poll()) != null) {
            start(next);
        }
        flush();
        readiness.complete(capacity);
    }

    private void onHeaders(int streamId, Http2Headers headers, boolean endOfStream) {
        Http2StreamExchange stream = streams.get(streamId);
        if (stream == null) {
            return;
        }
        long arrivalNs = clock.lastArrivalNs();
        stream.lastReadNs = arrivalNs;
        if (!stream.headersReceived) {
            int status = status(headers);
            if (status < 0) {
                end(stream, TransportErrors.invalidResponse(origin,
                        new IllegalArgumentException("invalid :status '" + headers.status() + "'")), arrivalNs);
                reset(streamId);
                return;
            }
            if (status < 200 && !endOfStream) {
                return; // an informational response (e.g. 103): the real one follows
            }
            stream.headersReceived = true;
            HttpExchange exchange = stream.exchange;
            exchange.recvStartPerfNs = arrivalNs;
            exchange.status = status;
            CharSequence contentType = headers.get("content-type");
            stream.body.begin(exchange, status, HttpResponseStatus.valueOf(status).reasonPhrase(),
                    contentType == null ? "" : contentType, arrivalNs, headers);
        }
        if (endOfStream) {
            complete(stream, arrivalNs);
        }
    }

    private void onData(int streamId, ByteBuf data, boolean endOfStream) {
        Http2StreamExchange stream = streams.get(streamId);
        if (stream == null) {
            return;
        }
        long arrivalNs = clock.lastArrivalNs();
        stream.lastReadNs = arrivalNs;
        if (!stream.headersReceived) {
            end(stream, TransportErrors.invalidResponse(origin,
                    new IllegalStateException("DATA before the response HEADERS")), arrivalNs);
            reset(streamId);
            return;
        }
        ErrorDetails error = stream.body.content(data, arrivalNs);
        if (error != null) {
            end(stream, error, arrivalNs);
            reset(streamId);
        } else if (endOfStream) {
            complete(stream, arrivalNs);
        }
    }

    private void complete(Http2StreamExchange stream, long arrivalNs) {
        end(stream, stream.body.end(arrivalNs), arrivalNs);
    }

    private void onReset(int streamId, long errorCode) {
        Http2StreamExchange stream = streams.get(streamId);
        if (stream != null) {
            end(stream, Http2Errors.streamReset(errorCode, stream.headersReceived),
                    System.nanoTime());
        }
    }

    private void onGoAway(int lastStreamId, long errorCode) {
        retire();
        long now = System.nanoTime();
        for (Http2StreamExchange stream : List.copyOf(streams.values())) {
            if (stream.streamId > lastStreamId) {
                end(stream, Http2Errors.refusedByGoAway(errorCode), now);
            }
        }
        HttpExchange waiting;
        while ((waiting = pending.poll()) != null) {
            unreserve();
            pool.dispatch(waiting); // never sent: safe to send on another connection
        }
        closeIfRetiredAndIdle();
    }

    private void cancelled(Http2StreamExchange stream) {
        if (streams.get(stream.streamId) == stream) {
            finish(stream);
            reset(stream.streamId);
            // Transport.cancel: the record of what arrived (no-op when the future itself was cancelled)
            stream.exchange.completeCancelled(System.nanoTime());
        }
    }

    private void timedOut(Http2StreamExchange stream, ErrorDetails error) {
        if (streams.get(stream.streamId) == stream) {
            end(stream, error, System.nanoTime());
            reset(stream.streamId);
        }
    }

    private void checkRead(Http2StreamExchange stream) {
        if (streams.get(stream.streamId) != stream) {
            return;
        }
        long limitNs = settings.readTimeout().toNanos();
        long silentNs = System.nanoTime() - stream.lastReadNs;
        if (silentNs >= limitNs) {
            timedOut(stream, TransportErrors.readTimeout(settings.readTimeout()));
        } else {
            stream.readCheck = loop.schedule(() -> checkRead(stream), limitNs - silentNs, TimeUnit.NANOSECONDS);
        }
    }

    /** Ends an exchange: success when {@code error} is null. Its slot is given back before anyone sees the result. */
    private void end(Http2StreamExchange stream, ErrorDetails error, long endNs) {
        HttpExchange exchange = finish(stream);
        if (error == null) {
            exchange.succeed(endNs);
        } else {
            exchange.fail(error, endNs);
        }
    }

    private HttpExchange finish(Http2StreamExchange stream) {
        streams.remove(stream.streamId);
        stream.cancelTimers();
        stream.body.clear();
        spareDecoders.push(stream.body);
        releaseSlot();
        return stream.exchange;
    }

    private void releaseSlot() {
        unreserve();
        pool.slotFreed();
        closeIfRetiredAndIdle();
    }

    private void reset(int streamId) {
        if (ctx.channel().isActive()) {
            resetStream(ctx, streamId, Http2Error.CANCEL.code(), ctx.newPromise());
            flush();
        }
    }

    /** Takes no new exchanges; closes once its streams are done. */
    private void retire() {
        if (usable) {
            usable = false;
            pool.remove(this);
        }
    }

    private void closeIfRetiredAndIdle() {
        if (!usable && streams.isEmpty() && pending.isEmpty() && reserved.get() <= 0 && ctx != null) {
            ctx.channel().close();
        }
    }

    /** The connection is unusable: every exchange on it or waiting for it ends with {@code error}. */
    private void die(ErrorDetails error) {
        if (failure != null) {
            return;
        }
        failure = error;
        readiness.complete(0);
        retire();
        long now = System.nanoTime();
        for (Http2StreamExchange stream : List.copyOf(streams.values())) {
            end(stream, error, now);
        }
        failPending(error, now);
        if (ctx != null) {
            ctx.channel().close();
        }
    }

    private void failPending(ErrorDetails error, long now) {
        HttpExchange waiting;
        while ((waiting = pending.poll()) != null) {
            unreserve();
            waiting.fail(error, now);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (failure == null) {
            boolean closing = transportClosing.getAsBoolean();
            failure = closing ? TransportErrors.transportClosed()
                    : ready ? TransportErrors.disconnected(false) : Http2Errors.noHttp2(origin, lastCause);
            readiness.complete(0);
            retire();
            long now = System.nanoTime();
            for (Http2StreamExchange stream : List.copyOf(streams.values())) {
                end(stream, closing ? failure : TransportErrors.disconnected(stream.headersReceived), now);
            }
            failPending(failure, now);
        }
        if (settingsTimeout != null) {
            settingsTimeout.cancel(false);
        }
        super.channelInactive(context);
    }

    @Override
    protected void onConnectionError(ChannelHandlerContext context, boolean outbound, Throwable cause,
                                     Http2Exception http2Ex) {
        lastCause = cause;
        if (ready) {
            die(TransportErrors.fromException("HTTP/2 connection to " + origin + " failed", cause));
        }
        super.onConnectionError(context, outbound, cause, http2Ex);
    }

    @Override
    protected void onStreamError(ChannelHandlerContext context, boolean outbound, Throwable cause,
                                 Http2Exception.StreamException streamException) {
        Http2StreamExchange stream = streams.get(streamException.streamId());
        if (stream != null) {
            end(stream, TransportErrors.invalidResponse(origin, cause), System.nanoTime());
        }
        super.onStreamError(context, outbound, cause, streamException);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) throws Exception {
        if (Http2CodecUtil.getEmbeddedHttp2Exception(cause) != null) {
            super.exceptionCaught(context, cause);
            return;
        }
        lastCause = cause;
        die(ready ? TransportErrors.fromException("Request to " + origin + " failed", cause)
                : origin.secure() && isTls(cause) ? TransportErrors.fromException("TLS handshake with " + origin
                + " failed", cause) : Http2Errors.noHttp2(origin, cause));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                die(TransportErrors.fromException("TLS handshake with " + origin + " failed", handshake.cause()));
            } else {
                String selected = context.pipeline().get(SslHandler.class).applicationProtocol();
                if (!ApplicationProtocolNames.HTTP_2.equals(selected)) {
                    die(Http2Errors.alpnRefused(origin, selected));
                }
            }
        } else if (event instanceof IdleStateEvent && streams.isEmpty() && pending.isEmpty()) {
            retire(); // idle past AIPERF_HTTP_KEEPALIVE_TIMEOUT
            closeIfRetiredAndIdle();
        }
        super.userEventTriggered(context, event);
    }

    private void flush() {
        try {
            flush(ctx);
        } catch (RuntimeException e) {
            exceptionCaughtQuietly(e);
        }
    }

    private void exceptionCaughtQuietly(Throwable cause) {
        die(transportClosing.getAsBoolean() ? TransportErrors.transportClosed()
                : TransportErrors.fromException("Cannot send to " + origin, cause));
    }

    private void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException stopping) {
            // the event loop is stopping and closes the connection itself
        }
    }

    private static boolean isTls(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return false;
    }

    /** {@code :status} as a number, or -1 when missing or malformed. */
    private static int status(Http2Headers headers) {
        CharSequence status = headers.status();
        if (status == null || status.length() != 3) {
            return -1;
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = status.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        return code;
    }

    /** Receives the frames the codec decoded; all on the event loop. */
    private final class FrameListener extends Http2EventAdapter {
        @Override
        public int onDataRead(ChannelHandlerContext context, int streamId, ByteBuf data, int padding,
                              boolean endOfStream) {
            int processed = data.readableBytes() + padding;
            onData(streamId, data, endOfStream);
            return processed; // consumed at once: the window reopens as data arrives
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext context, int streamId, Http2Headers headers, int padding,
                                  boolean endOfStream) {
            onHeaders(streamId, headers, endOfStream);
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext context, int streamId, Http2Headers headers,
                                  int streamDependency, short weight, boolean exclusive, int padding,
                                  boolean endOfStream) {
            onHeaders(streamId, headers, endOfStream);
        }

        @Override
        public void onRstStreamRead(ChannelHandlerContext context, int streamId, long errorCode) {
            onReset(streamId, errorCode);
        }

        @Override
        public void onSettingsRead(ChannelHandlerContext context, Http2Settings received) {
            onSettings(received);
        }

        @Override
        public void onGoAwayRead(ChannelHandlerContext context, int lastStreamId, long errorCode, ByteBuf debugData) {
            onGoAway(lastStreamId, errorCode);
        }
    }

    /** Netty's builder, made to build this class: a client codec that closes without a grace period. */
    private static final class Builder extends AbstractHttp2ConnectionHandlerBuilder<Http2ClientConnection, Builder> {
        private final Origin origin;
        private final EventLoop loop;
        private final Http2ConnectionPool pool;
        private final HttpTransportSettings settings;
        private final ArrivalClock clock;
        private final BooleanSupplier transportClosing;

        Builder(Origin origin, EventLoop loop, Http2ConnectionPool pool, HttpTransportSettings settings,
                ArrivalClock clock, BooleanSupplier transportClosing) {
            this.origin = origin;
            this.loop = loop;
            this.pool = pool;
            this.settings = settings;
            this.clock = clock;
            this.transportClosing = transportClosing;
            server(false);
            gracefulShutdownTimeoutMillis(0);
            initialSettings(Http2Settings.defaultSettings().pushEnabled(false).initialWindowSize(STREAM_WINDOW));
        }

        @Override
        public Http2ClientConnection build() {
            return super.build();
        }

        @Override
        protected Http2ClientConnection build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder,
                                              Http2Settings initialSettings) {
            return new Http2ClientConnection(decoder, encoder, initialSettings, origin, loop, pool, settings, clock,
                    transportClosing);
        }
    }
}
