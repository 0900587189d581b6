package dev.aiperf.transport;

import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.InferenceResponse;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What one response body becomes, whatever HTTP version carried it: a 200 {@code text/event-stream}
 * body goes through the incremental {@link SseStreamParser} into one SSE response per event, another
 * 200 body into one text response, any other status into the error (body kept up to 1 MiB). Chunks
 * are fed as they arrive, each with the arrival stamp its transport took before any decoding.
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
    private byte[] bodyBytes = new byte[0];
    private int bodyLength;
    private ErrorDetails sseError;
    /** SSE events of the previous stream decoded here: the next is alike, so its list is sized once. */
    private int lastResponseCount;

    /** Starts a response: its status, reason phrase and {@code Content-Type} (may be empty). */
    void begin(HttpExchange target, int statusCode, String reason, CharSequence contentType) {
        exchange = target;
        status = statusCode;
        reasonPhrase = reason;
        bodyLength = 0;
        sseError = null;
        sse.reset();
        if (statusCode != 200) {
            body = Body.ERROR;
        } else if (isEventStream(contentType)) {
            body = Body.SSE;
            target.responses.ensureCapacity(lastResponseCount);
        } else {
            body = Body.TEXT;
        }
    }

    /**
     * Feeds a chunk (without consuming it).
     *
     * @return the error that ends the exchange now ({@code event: error} in the stream), else null
     */
    ErrorDetails content(ByteBuf chunk, long arrivalNs) {
        if (body == Body.SSE) {
            sse.feed(chunk, arrivalNs, this);
            return sseError;
        }
        append(chunk);
        return null;
    }

    /**
     * Ends the body at {@code arrivalNs}: a text body becomes its response, an SSE remainder its last event.
     *
     * @return the exchange's error (a status other than 200, or an SSE error event), else null
     */
    ErrorDetails end(long arrivalNs) {
        switch (body) {
            case SSE -> {
                sse.finish(arrivalNs, this);
                lastResponseCount = exchange.responses.size();
            }
            // The body's own bytes: the endpoint parses them, and nobody decodes them on this thread.
            case TEXT -> exchange.addResponse(InferenceResponse.ofUtf8(arrivalNs, InferenceResponse.Kind.TEXT,
                    Arrays.copyOf(bodyBytes, bodyLength), 0, bodyLength));
            case ERROR -> {
                return TransportErrors.httpStatus(status, reasonPhrase,
                        new String(bodyBytes, 0, bodyLength, StandardCharsets.UTF_8));
            }
        }
        return sseError;
    }

    /** Forgets the response; a large body buffer is dropped rather than kept alive on an idle connection. */
    void clear() {
        exchange = null;
        body = null;
        sse.reset();
        if (bodyBytes.length > KEPT_BUFFER_BYTES) {
            bodyBytes = new byte[0];
        }
    }

    /** One SSE event with data: a raw response of the exchange, unless an error event already ended it. */
    @Override
    public void onResponse(InferenceResponse response) {
        if (sseError == null) {
            exchange.addResponse(response);
        }
    }

    /** An {@code event: error} SSE event: it ends the exchange. */
    @Override
    public void onError(String message, long perfNs) {
        if (sseError == null) {
            sseError = TransportErrors.sseError(message);
        }
    }

    private void append(ByteBuf chunk) {
        int readable = chunk.readableBytes();
        if (body == Body.ERROR) {
            readable = Math.min(readable, MAX_ERROR_BODY - bodyLength);
        }
        if (readable <= 0) {
            return;
        }
        if (bodyLength + readable > bodyBytes.length) {
            bodyBytes = Arrays.copyOf(bodyBytes, Math.max(bodyLength + readable, Math.max(1024, bodyBytes.length * 2)));
        }
        chunk.getBytes(chunk.readerIndex(), bodyBytes, bodyLength, readable);
        bodyLength += readable;
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
