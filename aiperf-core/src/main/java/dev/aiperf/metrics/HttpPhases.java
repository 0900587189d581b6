package dev.aiperf.metrics;

import dev.aiperf.api.model.HttpTrace;

/**
 * The phase durations of an {@link HttpTrace}, in nanoseconds (metrics spec §2.2 "HTTP trace"): {@link #NONE} when
 * an input is missing (a 0 stamp), or when the stamps are out of order, as the original treats it. Shared by
 * the {@code http_req_*} metrics ({@link HttpReqValues}) and the computed fields of {@code trace_data}. Primitive
 * results: they are computed for every request, and a duration is never negative.
 */
public final class HttpPhases {
    /** No value: an input is missing or the stamps are out of order. */
    public static final long NONE = -1;

    private HttpPhases() {
    }

    /** Waiting for a connection: 0 when no wait started. */
    public static long blocked(HttpTrace t) {
        if (t.poolWaitStartPerfNs() == 0) {
            return 0;
        }
        return span(t.poolWaitStartPerfNs(), t.poolWaitEndPerfNs());
    }

    /** Resolving the server's name: 0 on a reused connection or when no lookup started. */
    public static long dnsLookup(HttpTrace t) {
        if (t.connectionReused() || t.dnsLookupStartPerfNs() == 0) {
            return 0;
        }
        return span(t.dnsLookupStartPerfNs(), t.dnsLookupEndPerfNs());
    }

    /** Opening the connection, TLS handshake included (as the original): 0 on a reused connection. */
    public static long connecting(HttpTrace t) {
        if (t.connectionReused()) {
            return 0;
        }
        return span(t.tcpConnectStartPerfNs(), t.tcpConnectEndPerfNs());
    }

    /** The TLS handshake alone (not in the original): 0 on a reused or cleartext connection. */
    public static long tlsHandshaking(HttpTrace t) {
        if (t.connectionReused() || t.tlsHandshakeStartPerfNs() == 0) {
            return 0;
        }
        return span(t.tlsHandshakeStartPerfNs(), t.tlsHandshakeEndPerfNs());
    }

    public static long sending(HttpTrace t) {
        return span(t.requestSendStartPerfNs(), t.requestSendEndPerfNs());
    }

    /** Time to first byte: the request fully sent to the first body chunk. */
    public static long waiting(HttpTrace t) {
        return span(t.requestSendEndPerfNs(), t.responseReceiveStartPerfNs());
    }

    /** First to last body byte: none without a body chunk, 0 with one. */
    public static long receiving(HttpTrace t) {
        int chunks = t.responseChunksCount();
        if (chunks == 0) {
            return NONE;
        }
        return chunks == 1 ? 0 : span(t.responseReceiveStartPerfNs(), t.responseReceiveEndPerfNs());
    }

    /** The exchange without connecting: send start to the last byte. */
    public static long duration(HttpTrace t) {
        return span(t.requestSendStartPerfNs(), t.responseReceiveEndPerfNs());
    }

    private static long span(long start, long end) {
        if (start == 0 || end == 0 || end - start < 0) {
            return NONE;
        }
        return end - start;
    }
}
