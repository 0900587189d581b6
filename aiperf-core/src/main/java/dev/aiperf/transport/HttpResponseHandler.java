package dev.aiperf.transport;

import dev.aiperf.api.model.ErrorDetails;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Runs one exchange at a time on its connection, entirely on the connection's event loop: writes the
 * request, then handles the response piece by piece as it arrives, never aggregating a stream; the
 * body goes through the {@link ResponseBodyDecoder} the HTTP/2 transport uses too (SSE events, one
 * text response, or the error of a non-200 status). Timeouts, disconnects and exceptions end the exchange with an error
 * record; the connection is then closed rather than reused. The event loop's {@link TimeoutSweep} checks the
 * request deadline, the read timeout and, between exchanges, the keep-alive timeout.
 */
final class HttpResponseHandler extends ChannelInboundHandlerAdapter implements TimeoutSweep.Watched {

    private final ArrivalClock clock;
    private final HttpTransportSettings settings;
    private final BooleanSupplier transportClosing;
    /** The same body decoding as HTTP/2's: SSE events, a text body, or the error body. */
    private final ResponseBodyDecoder body = new ResponseBodyDecoder();
    private final Http1RequestWriter requestWriter = new Http1RequestWriter();
    private final TimeoutSweep sweep;
    private int sweepIndex = -1;
    private ChannelHandlerContext ctx;
    /** How this connection was opened, for the trace of its first request. */
    private ConnectionTimes connectionTimes;
    /** The connection's TLS, or null for cleartext (looked up once: a pipeline lookup walks every handler). */
    private SslHandler tls;

    // State of the exchange in progress; all null/zero between exchanges.
    private HttpExchange exchange;
    private ConnectionSource source;
    /** The final (non-1xx) response headers arrived: its body is being decoded. */
    private boolean receiving;
    private boolean keepAlive;
    private long lastReadNs;
    private Throwable idleFailure;
    /** When the connection last became idle (opened, or its last exchange ended), for the keep-alive timeout. */
    private long idleSinceNs = System.nanoTime();

    HttpResponseHandler(ArrivalClock clock, HttpTransportSettings settings, BooleanSupplier transportClosing,
                        TimeoutSweep sweep) {
        this.clock = clock;
        this.settings = settings;
        this.transportClosing = transportClosing;
        this.sweep = sweep;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.connectionTimes = ctx.pipeline().get(ConnectionTimes.class);
        this.tls = ctx.pipeline().get(SslHandler.class);
        sweep.watch(this);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        sweep.unwatch(this);
    }

    /** Starts an exchange on this connection; must run on its event loop. */
    void begin(HttpExchange next, ConnectionSource from) {
        Channel channel = ctx.channel();
        if (next.isDone()) {
            from.release(channel, next.origin, next.request, true);
            return;
        }
        exchange = next;
        source = from;
        next.whenCancelled(() -> abandonOnEventLoop(next));
        receiving = false;
        keepAlive = false;
        long now = System.nanoTime();
        if (!channel.isActive()) {
            // Closed while idle: by the server, or by the transport closing (which closes every connection)
            fail(transportClosing.getAsBoolean() ? TransportErrors.transportClosed()
                    : idleFailure != null ? TransportErrors.fromException("Request to " + next.origin + " failed", idleFailure)
                    : TransportErrors.disconnected(false), now);
            return;
        }
        idleFailure = null;
        long remaining = next.deadlineNs - now;
        if (remaining <= 0) {
            fail(TransportErrors.requestTimeout(settings.requestTimeout()), now);
            return;
        }
        lastReadNs = now; // the read timeout counts from here (the sweep checks it, and the deadline)
        if (tls == null || tls.handshakeFuture().isSuccess()) {
            send(next);
            return;
        }
        // A new TLS connection: the request goes once the handshake is done, or the exchange fails with its cause.
        tls.handshakeFuture().addListener(handshake -> {
            if (exchange != next) {
                return;
            }
            if (handshake.isSuccess()) {
                send(next);
            } else {
                fail(TransportErrors.fromException("TLS handshake with " + next.origin + " failed",
                        handshake.cause()), System.nanoTime());
            }
        });
    }

    /** Cancelled by its caller: hand the exchange's end to the event loop, which owns the connection. */
    private void abandonOnEventLoop(HttpExchange cancelled) {
        try {
            ctx.executor().execute(() -> abandon(cancelled));
        } catch (RejectedExecutionException transportClosing) {
            // the event loop is stopping and closes every connection itself
        }
    }

    /**
     * Ends a cancelled exchange: its connection is closed rather than reused, since the rest of the
     * response would still arrive on it, and its pool slot is freed for the next request.
     */
    private void abandon(HttpExchange cancelled) {
        if (exchange == cancelled) {
            finish(false);
            cancelled.completeCancelled(System.nanoTime()); // no-op when the future itself was cancelled
        }
    }

    private void send(HttpExchange started) {
        ByteBuf request;
        try {
            request = requestWriter.write(ctx.alloc(), started.request, started.origin, source instanceof FreshConnections);
        } catch (Http1RequestWriter.InvalidHeaderException invalid) {
            fail(new ErrorDetails(null, "InvalidHeader", invalid.getMessage()), System.nanoTime());
            return;
        }
        HttpTraceRecorder trace = started.trace;
        if (trace != null) {
            trace.boundTo(connectionTimes, System.nanoTime());
        }
        started.markSent();
        int bodyBytes = started.request.body().length;
        ctx.channel().writeAndFlush(request).addListener(written -> {
            if (written.isSuccess()) {
                if (trace != null) {
                    trace.sent(System.nanoTime(), bodyBytes);
                }
                started.written(ctx.executor());
            } else if (exchange == started) {
                fail(TransportErrors.fromException("Cannot send the request to " + started.origin, written.cause()),
                        System.nanoTime());
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            long arrivalNs = clock.lastArrivalNs();
            lastReadNs = arrivalNs;
            if (exchange == null) {
                // Nothing is expected between exchanges: the connection is out of step, drop it.
                ctx.close();
                return;
            }
            if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
                fail(TransportErrors.invalidResponse(exchange.origin, object.decoderResult().cause()), arrivalNs);
                return;
            }
            if (msg instanceof HttpResponse response) {
                onHeaders(response, arrivalNs);
            }
            if (msg instanceof HttpContent content && exchange != null) {
                onContent(content.content(), arrivalNs);
                if (msg instanceof LastHttpContent && exchange != null) {
                    onEnd(arrivalNs);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHeaders(HttpResponse response, long arrivalNs) {
        if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            return; // e.g. 100 Continue: the real response follows
        }
        exchange.recvStartPerfNs = arrivalNs;
        exchange.status = response.status().code();
        keepAlive = HttpUtil.isKeepAlive(response);
        receiving = true;
        body.begin(exchange, exchange.status, response.status().reasonPhrase(),
                response.headers().get(HttpHeaderNames.CONTENT_TYPE, ""), arrivalNs, response.headers());
    }

    private void onContent(ByteBuf content, long arrivalNs) {
        if (receiving) {
            ErrorDetails error = body.content(content, arrivalNs);
            if (error != null) {
                fail(error, arrivalNs); // an SSE error event: the rest of the stream is not wanted
            }
        }
    }

    private void onEnd(long arrivalNs) {
        if (!receiving) {
            return; // the end of an informational response
        }
        receiving = false;
        ErrorDetails error = body.end(arrivalNs);
        if (error == null) {
            succeed(arrivalNs);
        } else {
            // After a complete non-200 response the connection stays usable.
            fail(error, arrivalNs, exchange.status != 200 && keepAlive);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        sweep.unwatch(this);
        if (exchange != null) {
            fail(transportClosing.getAsBoolean() ? TransportErrors.transportClosed()
                    : TransportErrors.disconnected(exchange.recvStartPerfNs != null),
                    System.nanoTime());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        idleFailure = cause;
        if (exchange != null) {
            fail(TransportErrors.fromException("Request to " + exchange.origin + " failed", cause), System.nanoTime());
        }
        ctx.close();
    }

    /**
     * The sweep's check: the exchange's deadline (--request-timeout-seconds), then its read silence
     * (AIPERF_HTTP_READ_TIMEOUT); between exchanges, an idle connection past AIPERF_HTTP_KEEPALIVE_TIMEOUT closes.
     */
    @Override
    public void checkTimeouts(long now) {
        HttpExchange current = exchange;
        if (current == null) {
            if (now - idleSinceNs >= settings.keepAliveTimeout().toNanos()) {
                ctx.close();
            }
        } else if (now - current.deadlineNs >= 0) {
            fail(TransportErrors.requestTimeout(settings.requestTimeout()), now);
        } else if (now - lastReadNs >= settings.readTimeout().toNanos()) {
            fail(TransportErrors.readTimeout(settings.readTimeout()), now);
        }
    }

    @Override
    public int sweepIndex() {
        return sweepIndex;
    }

    @Override
    public void sweepIndex(int index) {
        sweepIndex = index;
    }

    private void succeed(long endNs) {
        HttpExchange done = finish(keepAlive);
        done.succeed(endNs);
    }

    private void fail(ErrorDetails error, long endNs) {
        fail(error, endNs, false);
    }

    /** Ends the exchange with an error; the connection is reused only after a complete non-200 response. */
    private void fail(ErrorDetails error, long endNs, boolean reusable) {
        HttpExchange done = finish(reusable);
        done.fail(error, endNs);
    }

    /** Clears the exchange state and gives the connection back before anyone sees the result. */
    private HttpExchange finish(boolean reusable) {
        HttpExchange done = exchange;
        ConnectionSource from = source;
        exchange = null;
        source = null;
        idleSinceNs = System.nanoTime();
        receiving = false;
        body.clear();
        try {
            from.release(ctx.channel(), done.origin, done.request, reusable && ctx.channel().isActive());
        } catch (RuntimeException e) {
            ctx.channel().close(); // e.g. the pool is gone because the transport is closing
        }
        return done;
    }
}
