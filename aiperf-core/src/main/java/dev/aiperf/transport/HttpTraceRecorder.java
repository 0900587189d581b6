package dev.aiperf.transport;

import dev.aiperf.api.model.HttpTrace;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notes the end of each phase of one exchange as it happens, for its {@link HttpTrace}. Every phase of an exchange
 * happens once, so each has a field; only the response's chunks are many. By default (no {@code trace_data}) a chunk
 * costs a few field updates: the {@code http_req_*} metrics need no more than the chunk count, the bytes, the first
 * and the last arrival. With {@code --export-http-trace} each chunk's stamp and size also go into two growing
 * primitive arrays (sized from the previous response on the same connection; doubling when full), for
 * {@code trace_data}. Touched by one thread at a time: the sender until a connection is bound, then the
 * connection's event loop.
 */
final class HttpTraceRecorder {
    private static final long[] NO_TIMES = new long[0];
    private static final int[] NO_SIZES = new int[0];

    private final String traceType;
    /** Keep what only {@code trace_data} shows: the response headers, each chunk's stamp and size. */
    private final boolean keepDetail;
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
    private int chunks;
    private long firstChunkNs;
    private long lastChunkNs;
    private long responseBytes;
    /** Each chunk's arrival and size, with {@link #keepDetail} only. */
    private long[] chunkNs;
    private int[] chunkBytes;
    private long errorNs;

    /**
     * @param traceType       the transport's name for the trace
     * @param keepDetail      keep the response headers and every chunk (for {@code trace_data}, with
     *                        {@code --export-http-trace})
     * @param poolWaitStartNs when the transport took the request
     */
    HttpTraceRecorder(String traceType, boolean keepDetail, long poolWaitStartNs) {
        this.traceType = traceType;
        this.keepDetail = keepDetail;
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
        if (!keepDetail) {
            return;
        }
        if (headers != null) {
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
        if (chunks == 0) {
            firstChunkNs = arrivalNs;
        }
        lastChunkNs = arrivalNs;
        if (keepDetail) {
            keep(arrivalNs, bytes);
        }
        chunks++;
        responseBytes += bytes;
    }

    private void keep(long arrivalNs, int bytes) {
        if (chunkNs == null) {
            chunkNs = new long[8];
            chunkBytes = new int[8];
        } else if (chunks == chunkNs.length) {
            chunkNs = Arrays.copyOf(chunkNs, chunks * 2);
            chunkBytes = Arrays.copyOf(chunkBytes, chunks * 2);
        }
        chunkNs[chunks] = arrivalNs;
        chunkBytes[chunks] = bytes;
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

    /** The trace so far; its chunk arrays are empty unless the detail is kept (the counts are always right). */
    HttpTrace toTrace() {
        boolean sent = sendEndNs != 0;
        long[] requestTimes = keepDetail && sent ? new long[]{sendEndNs} : NO_TIMES;
        int[] requestSizes = keepDetail && sent ? new int[]{requestBytes} : NO_SIZES;
        long[] times = keepDetail && chunks > 0 ? Arrays.copyOf(chunkNs, chunks) : NO_TIMES;
        int[] sizes = keepDetail && chunks > 0 ? Arrays.copyOf(chunkBytes, chunks) : NO_SIZES;
        long end = receiveEndNs != 0 ? receiveEndNs : lastChunkNs;
        return new HttpTrace(traceType, poolWaitStartNs, poolWaitEndNs, dnsStartNs, dnsEndNs, connectStartNs,
                connectEndNs, tlsStartNs, tlsEndNs, reusedNs, localIp, localPort, remoteIp, remotePort,
                sendStartNs, sendEndNs, sendEndNs, requestTimes, requestSizes, sent ? 1 : 0, sent ? requestBytes : 0,
                status, reason, responseHeaders, headersReceivedNs, firstChunkNs, end, times, sizes, chunks,
                responseBytes, errorNs);
    }
}
