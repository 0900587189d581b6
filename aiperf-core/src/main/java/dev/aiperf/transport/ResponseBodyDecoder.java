package dev.aiperf.transport;

import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.InferenceResponse;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * What one response body becomes, whatever HTTP version carried it: a 200 {@code text/event-stream}
 * body goes through the incremental {@link SseStreamParser} into one SSE response per event, another
 * 200 body into one text response, any other status into the error (body kept up to 1 MiB). Chunks
 * are fed as they arrive, each with the arrival stamp its transport took before any decoding; the
 * responses are written straight into the exchange's {@link ResponseStore}.
 *
 * <p>One instance serves one response at a time, from one thread; {@link #begin} starts the next.
 */
final class ResponseBodyDecoder implements SseStreamParser.EventSink {

    private static final int MAX_ERROR_BODY = 1 << 20;
    private static final int KEPT_BUFFER_BYTES = 64 * 1024;

    private enum Body { SSE, TEXT, ERROR }

    private final SseStreamParser sse = new SseStreamParser();
    private HttpExchange exchange;
    private Body body;
    private int status;
    private String reasonPhrase;
    /** The body of a non-200 response (for its error message). */
    private byte[] errorBytes = new byte[0];
    private int errorLength;
    private ErrorDetails sseError;
    /** The previous response decoded here: the next is alike, so its store is sized once. */
    private int lastResponseCount;
    private int lastResponseBytes;

    /**
     * Starts a response: its status, reason phrase and {@code Content-Type} (may be empty), its headers
     * (kept in the trace with --export-http-trace) and when they arrived.
     */
    void begin(HttpExchange target, int statusCode, String reason, CharSequence contentType, long arrivalNs,
               Iterable<? extends Map.Entry<? extends CharSequence, ? extends CharSequence>> headers) {
        exchange = target;
        target.responseContentType = contentType == null || contentType.isEmpty() ? null : contentType.toString();
        if (target.trace != null) {
            target.trace.headers(arrivalNs, statusCode, reason, headers, lastResponseCount + 2);
        }
        status = statusCode;
        reasonPhrase = reason;
        errorLength = 0;
        sseError = null;
        sse.reset();
        if (statusCode != 200) {
            body = Body.ERROR;
        } else if (isEventStream(contentType)) {
            body = Body.SSE;
            target.responses.kind(InferenceResponse.Kind.SSE);
            target.responses.reserve(lastResponseCount, lastResponseBytes + (lastResponseBytes >> 3));
            sse.begin(target.responses);
        } else {
            body = Body.TEXT;
            target.responses.kind(InferenceResponse.Kind.TEXT);
            target.responses.reserve(1, lastResponseBytes);
        }
    }

    /**
     * Feeds a chunk (without consuming it).
     *
     * @return the error that ends the exchange now ({@code event: error} in the stream), else null
     */
    ErrorDetails content(ByteBuf chunk, long arrivalNs) {
        if (exchange.trace != null) {
            exchange.trace.chunk(arrivalNs, chunk.readableBytes());
        }
        switch (body) {
            case SSE -> {
                sse.feed(chunk, arrivalNs, this);
                return sseError;
            }
            // The body's own bytes, copied once: the endpoint parses them, and nobody decodes them on this thread.
            case TEXT -> exchange.responses.append(chunk, chunk.readerIndex(), chunk.readableBytes());
            case ERROR -> appendError(chunk);
        }
        return null;
    }

    /**
     * Ends the body at {@code arrivalNs}: a text body becomes its response, an SSE remainder its last event.
     *
     * @return the exchange's error (a status other than 200, or an SSE error event), else null
     */
    ErrorDetails end(long arrivalNs) {
        if (exchange.trace != null) {
            exchange.trace.received(arrivalNs);
        }
        switch (body) {
            case SSE -> {
                sse.finish(arrivalNs, this);
                lastResponseCount = exchange.responses.size();
                lastResponseBytes = exchange.responses.byteCount();
            }
            case TEXT -> {
                exchange.responses.complete(arrivalNs, 0L);
                lastResponseBytes = exchange.responses.byteCount();
                exchange.responseAdded();
            }
            case ERROR -> {
                return TransportErrors.httpStatus(status, reasonPhrase,
                        new String(errorBytes, 0, errorLength, StandardCharsets.UTF_8));
            }
        }
        return sseError;
    }

    /** Forgets the response; a large error body buffer is dropped rather than kept alive on an idle connection. */
    void clear() {
        exchange = null;
        body = null;
        sse.reset();
        if (errorBytes.length > KEPT_BUFFER_BYTES) {
            errorBytes = new byte[0];
        }
    }

    /** One SSE event with data is now the exchange's last response. */
    @Override
    public void onEvent() {
        exchange.responseAdded();
    }

    /** An {@code event: error} SSE event: it ends the exchange (the parser reads nothing after it). */
    @Override
    public void onError(String message, long perfNs) {
        if (sseError == null) {
            sseError = TransportErrors.sseError(message);
        }
    }

    private void appendError(ByteBuf chunk) {
        int readable = Math.min(chunk.readableBytes(), MAX_ERROR_BODY - errorLength);
        if (readable <= 0) {
            return;
        }
        if (errorLength + readable > errorBytes.length) {
            errorBytes = Arrays.copyOf(errorBytes, Math.max(errorLength + readable, Math.max(1024, errorBytes.length * 2)));
        }
        chunk.getBytes(chunk.readerIndex(), errorBytes, errorLength, readable);
        errorLength += readable;
    }
    private static boolean isEventStream(CharSequence contentType) {
        String prefix = "text/event-stream";
        if (contentType == null || contentType.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(contentType.charAt(i)) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
