package dev.aiperf.api.model;

import java.util.Map;

/**
 * When each phase of one HTTP exchange ended, on the {@code System.nanoTime()} clock of the record's
 * {@code *PerfNs} fields; 0 means "did not happen / not known". The transport takes each stamp at the
 * moment the phase ends (a socket read's stamp before any decoding, a write's completion, a connect's
 * completion). The fields are those of the original's aiohttp trace (metrics spec §5.4.1), plus the TLS
 * handshake, which the original folds into connecting.
 *
 * <p>Connection fields describe the connection the request went out on: for a connection opened for
 * this request, its DNS lookup, TCP connect and TLS handshake; for a reused one only
 * {@code connectionReusedPerfNs}.
 *
 * @param traceType                 which transport traced it ({@code netty-http1}, {@code netty-http2})
 * @param poolWaitStartPerfNs       the request was handed to the transport and began waiting for a connection
 * @param poolWaitEndPerfNs         it had a connection, or one began to be opened for it
 * @param dnsLookupStartPerfNs      name resolution began (new connections)
 * @param dnsLookupEndPerfNs        name resolution ended
 * @param tcpConnectStartPerfNs     the TCP connect began
 * @param tcpConnectEndPerfNs       the connection was usable: TCP connected and, for TLS, the handshake done
 * @param tlsHandshakeStartPerfNs   the TLS handshake began (TLS only)
 * @param tlsHandshakeEndPerfNs     the TLS handshake completed (TLS only)
 * @param connectionReusedPerfNs    when a kept-alive connection was taken, for a reused connection
 * @param localIp                   local address of the connection, or null
 * @param localPort                 local port, or 0
 * @param remoteIp                  server address, or null
 * @param remotePort                server port, or 0
 * @param requestSendStartPerfNs    the request began to be written
 * @param requestHeadersSentPerfNs  its headers were written
 * @param requestSendEndPerfNs      its last byte was written to the socket
 * @param requestChunkPerfNs        when each request body chunk was written; empty when the chunks are not kept
 *                                  (they are kept for {@code trace_data}, with --export-http-trace)
 * @param requestChunkBytes         each chunk's size; empty when the chunks are not kept
 * @param requestChunksCount        request body chunks written (known also when they are not kept)
 * @param requestBytesTotal         body bytes sent
 * @param responseStatusCode        the status, or 0
 * @param responseReason            the reason phrase, or null
 * @param responseHeaders           the response headers, or null when not kept (kept with --export-http-trace)
 * @param responseHeadersReceivedPerfNs the response headers arrived
 * @param responseReceiveStartPerfNs the first body chunk arrived
 * @param responseReceiveEndPerfNs  the last body byte arrived
 * @param responseChunkPerfNs       when each body chunk arrived (one per socket read); empty when the chunks are
 *                                  not kept
 * @param responseChunkBytes        each chunk's size; empty when the chunks are not kept
 * @param responseChunksCount       body chunks received (known also when they are not kept)
 * @param responseBytesTotal        body bytes received
 * @param errorPerfNs               when the exchange failed, or 0
 */
public record HttpTrace(String traceType,
                        long poolWaitStartPerfNs, long poolWaitEndPerfNs,
                        long dnsLookupStartPerfNs, long dnsLookupEndPerfNs,
                        long tcpConnectStartPerfNs, long tcpConnectEndPerfNs,
                        long tlsHandshakeStartPerfNs, long tlsHandshakeEndPerfNs,
                        long connectionReusedPerfNs,
                        String localIp, int localPort, String remoteIp, int remotePort,
                        long requestSendStartPerfNs, long requestHeadersSentPerfNs, long requestSendEndPerfNs,
                        long[] requestChunkPerfNs, int[] requestChunkBytes, int requestChunksCount,
                        long requestBytesTotal,
                        int responseStatusCode, String responseReason, Map<String, String> responseHeaders,
                        long responseHeadersReceivedPerfNs, long responseReceiveStartPerfNs,
                        long responseReceiveEndPerfNs,
                        long[] responseChunkPerfNs, int[] responseChunkBytes, int responseChunksCount,
                        long responseBytesTotal,
                        long errorPerfNs) {

    public boolean connectionReused() {
        return connectionReusedPerfNs != 0;
    }
}
