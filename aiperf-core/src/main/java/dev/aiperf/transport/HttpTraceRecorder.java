package dev.aiperf.transport;

import dev.aiperf.api.model.HttpTrace;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notes the end of each phase of one exchange as it happens, for its {@link HttpTrace}. Response chunks go
 * into two growing primitive arrays, so a streamed chunk costs two array stores, no allocation (the arrays
 * double when full, sized from the previous response on the same connection). Touched by one thread at a
 * time: the sender until a connection is bound, then the connection's event loop.
 */
final class HttpTraceRecorder {
    private static final long[] NO_TIMES = new long[0];
    private static final int[] NO_SIZES = new int[0];

    private final String traceType;
    private final boolean keepHeaders;
    private final long poolWaitStartNs;
    private long poolWaitEndNs;
    private long dnsStartNs;
    private long dnsEndNs;
    private long connectStartNs;
    private long connectEndNs;
    private long tlsStartNs;
    private long tlsEndNs;
    private long reusedNs;
    private String localIp;
    private int localPort;
    private String remoteIp;
    private int remotePort;
    private long sendStartNs;
    private long sendEndNs;
    private int requestBytes;
    private int status;
    private String reason;
    private Map<String, String> responseHeaders;
    private long headersReceivedNs;
    private long receiveEndNs;
    private long[] chunkNs;
    private int[] chunkBytes;
    private int chunks;
    private long responseBytes;
    private long errorNs;

    /**
     * @param traceType       the transport's name for the trace
     * @param keepHeaders     keep the response headers (for {@code trace_data}, with {@code --export-http-trace})
     * @param poolWaitStartNs when the transport took the request
     */
    HttpTraceRecorder(String traceType, boolean keepHeaders, long poolWaitStartNs) {
        this.traceType = traceType;
        this.keepHeaders = keepHeaders;
        this.poolWaitStartNs = poolWaitStartNs;
    }

    /**
     * The request is about to go out on {@code connection} ({@code now}): for a connection opened for it, its
     * DNS, connect and TLS times; for one opened before it was taken (kept alive, or preconnected), reuse.
     */
    void boundTo(ConnectionTimes connection, long now) {
        if (connection == null) {
            poolWaitEndNs = now;
            return;
        }
        boolean reused = connection.used || connection.createdNs - poolWaitStartNs < 0;
        connection.used = true;
        if (reused) {
            poolWaitEndNs = now;
            reusedNs = now;
        } else {
            poolWaitEndNs = connection.createdNs;
            dnsStartNs = connection.createdNs;
            dnsEndNs = connection.connectStartNs;
            connectStartNs = connection.connectStartNs;
            connectEndNs = connection.readyNs();
            if (connection.secure()) {
                tlsStartNs = connection.connectEndNs;
                tlsEndNs = connection.tlsEndNs;
            }
        }
        localIp = connection.localIp;
        localPort = connection.localPort;
        remoteIp = connection.remoteIp;
        remotePort = connection.remotePort;
    }

    void sendStarted(long now) {
        sendStartNs = now;
    }

    /** The whole request (headers and body in one write) reached the socket. */
    void sent(long now, int bodyBytes) {
        if (sendEndNs == 0) {
            sendEndNs = now;
            requestBytes = bodyBytes;
        }
    }

    /** The final response headers arrived; {@code headers} is read only when they are kept. */
    void headers(long arrivalNs, int statusCode, String reasonPhrase, Iterable<? extends Map.Entry<? extends CharSequence,
            ? extends CharSequence>> headers, int expectedChunks) {
        headersReceivedNs = arrivalNs;
        status = statusCode;
        reason = reasonPhrase;
        if (keepHeaders && headers != null) {
            Map<String, String> kept = new LinkedHashMap<>();
            for (Map.Entry<? extends CharSequence, ? extends CharSequence> header : headers) {
                kept.merge(header.getKey().toString(), header.getValue().toString(), (a, b) -> a + ", " + b);
            }
            responseHeaders = kept;
        }
        if (chunkNs == null) {
            int capacity = Math.max(8, expectedChunks);
            chunkNs = new long[capacity];
            chunkBytes = new int[capacity];
        }
    }

    /** A body chunk arrived: one socket read's share of this response. */
    void chunk(long arrivalNs, int bytes) {
        if (bytes <= 0) {
            return;
        }
        if (chunkNs == null) {
            chunkNs = new long[8];
            chunkBytes = new int[8];
        } else if (chunks == chunkNs.length) {
            chunkNs = Arrays.copyOf(chunkNs, chunks * 2);
            chunkBytes = Arrays.copyOf(chunkBytes, chunks * 2);
        }
        chunkNs[chunks] = arrivalNs;
        chunkBytes[chunks] = bytes;
        chunks++;
        responseBytes += bytes;
    }

    /** The response's last byte arrived. */
    void received(long arrivalNs) {
        receiveEndNs = arrivalNs;
    }

    void failed(long now) {
        if (errorNs == 0) {
            errorNs = now;
        }
    }

    /** Body chunks so far: a hint for sizing the next response's arrays. */
    int chunks() {
        return chunks;
    }

    HttpTrace toTrace() {
        long[] requestTimes = sendEndNs == 0 ? NO_TIMES : new long[]{sendEndNs};
        int[] requestSizes = sendEndNs == 0 ? NO_SIZES : new int[]{requestBytes};
        long[] times = chunks == 0 ? NO_TIMES : Arrays.copyOf(chunkNs, chunks);
        int[] sizes = chunks == 0 ? NO_SIZES : Arrays.copyOf(chunkBytes, chunks);
        long end = receiveEndNs != 0 ? receiveEndNs : chunks > 0 ? chunkNs[chunks - 1] : 0;
        return new HttpTrace(traceType, poolWaitStartNs, poolWaitEndNs, dnsStartNs, dnsEndNs, connectStartNs,
                connectEndNs, tlsStartNs, tlsEndNs, reusedNs, localIp, localPort, remoteIp, remotePort,
                sendStartNs, sendEndNs, sendEndNs, requestTimes, requestSizes, sendEndNs == 0 ? 0 : requestBytes,
                status, reason, responseHeaders, headersReceivedNs, chunks == 0 ? 0 : chunkNs[0], end, times, sizes,
                responseBytes, errorNs);
    }
}
