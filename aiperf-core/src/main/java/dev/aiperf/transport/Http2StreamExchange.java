package dev.aiperf.transport;

import io.netty.util.concurrent.ScheduledFuture;

/**
 * One exchange bound to an HTTP/2 stream: its stream id, the decoder of its response body and its
 * timers. Touched only by its connection's event loop.
 */
final class Http2StreamExchange {

    final HttpExchange exchange;
    final int streamId;
    final ResponseBodyDecoder body;
    /** The final (non-1xx) response headers have arrived. */
    boolean headersReceived;
    long lastReadNs;
    ScheduledFuture<?> deadline;
    ScheduledFuture<?> readCheck;

    Http2StreamExchange(HttpExchange exchange, int streamId, ResponseBodyDecoder body) {
        this.exchange = exchange;
        this.streamId = streamId;
        this.body = body;
    }

    void cancelTimers() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        if (readCheck != null) {
            readCheck.cancel(false);
            readCheck = null;
        }
    }
}
