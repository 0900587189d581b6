package dev.aiperf.export;

import dev.aiperf.api.model.HttpTrace;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.metrics.HttpPhases;

import java.util.Map;

/**
 * The {@code trace_data} object of a {@code profile_export.jsonl} line (metrics spec §5.4.1, with
 * {@code --export-http-trace}): every {@code *_perf_ns} stamp as wall time ({@code *_ns}: the request's
 * wall start plus the monotonic offset), chunk lists as {@code [[ns, bytes], ...]}, headers with their
 * credentials redacted, then the computed phase durations; missing stamps (0) are left out, and so are
 * durations with a missing input. The original's aiohttp connection fields come after the base fields,
 * followed by the TLS handshake stamps the original folds into connecting.
 */
final class TraceDataJson {
    private TraceDataJson() {
    }

    static void write(StringBuilder out, RequestRecord request, Redaction redaction) {
        HttpTrace t = request.trace();
        CompactJsonObject json = new CompactJsonObject(out);
        json.field("trace_type", t.traceType());
        wall(json, "request_send_start_ns", request, t.requestSendStartPerfNs());
        headers(json, "request_headers", request.detail().headers(), redaction);
        wall(json, "request_headers_sent_ns", request, t.requestHeadersSentPerfNs());
        chunks(json, "request_chunks", request, t.requestChunkPerfNs(), t.requestChunkBytes());
        wall(json, "request_send_end_ns", request, t.requestSendEndPerfNs());
        json.field("request_chunks_count", t.requestChunksCount());
        json.field("request_bytes_total", t.requestBytesTotal());
        if (t.responseStatusCode() != 0) {
            json.field("response_status_code", t.responseStatusCode());
        }
        json.field("response_reason", t.responseReason());
        wall(json, "response_receive_start_ns", request, t.responseReceiveStartPerfNs());
        if (t.responseHeaders() != null) {
            headers(json, "response_headers", t.responseHeaders(), redaction);
        }
        wall(json, "response_headers_received_ns", request, t.responseHeadersReceivedPerfNs());
        chunks(json, "response_chunks", request, t.responseChunkPerfNs(), t.responseChunkBytes());
        json.field("response_chunks_count", t.responseChunksCount());
        json.field("response_bytes_total", t.responseBytesTotal());
        wall(json, "response_receive_end_ns", request, t.responseReceiveEndPerfNs());
        wall(json, "error_timestamp_ns", request, t.errorPerfNs());
        wall(json, "connection_pool_wait_start_ns", request, t.poolWaitStartPerfNs());
        wall(json, "connection_pool_wait_end_ns", request, t.poolWaitEndPerfNs());
        wall(json, "tcp_connect_start_ns", request, t.tcpConnectStartPerfNs());
        wall(json, "tcp_connect_end_ns", request, t.tcpConnectEndPerfNs());
        wall(json, "connection_reused_ns", request, t.connectionReusedPerfNs());
        wall(json, "dns_lookup_start_ns", request, t.dnsLookupStartPerfNs());
        wall(json, "dns_lookup_end_ns", request, t.dnsLookupEndPerfNs());
        json.field("local_ip", t.localIp());
        if (t.localPort() != 0) {
            json.field("local_port", t.localPort());
        }
        json.field("remote_ip", t.remoteIp());
        if (t.remotePort() != 0) {
            json.field("remote_port", t.remotePort());
        }
        wall(json, "tls_handshake_start_ns", request, t.tlsHandshakeStartPerfNs());
        wall(json, "tls_handshake_end_ns", request, t.tlsHandshakeEndPerfNs());
        phase(json, "sending_ns", HttpPhases.sending(t));
        phase(json, "waiting_ns", HttpPhases.waiting(t));
        phase(json, "receiving_ns", HttpPhases.receiving(t));
        phase(json, "duration_ns", HttpPhases.duration(t));
        phase(json, "blocked_ns", HttpPhases.blocked(t));
        phase(json, "dns_lookup_ns", HttpPhases.dnsLookup(t));
        phase(json, "connecting_ns", HttpPhases.connecting(t));
        json.end();
    }

    /** The headers as an object, their credentials redacted: written member by member, without a copy of the map. */
    private static void headers(CompactJsonObject json, String name, Map<String, String> headers, Redaction redaction) {
        CompactJsonObject object = json.object(name);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            object.field(header.getKey(), redaction.headerValue(header.getKey(), header.getValue()));
        }
        object.end();
    }

    /** A computed phase duration; left out when it has no value. */
    private static void phase(CompactJsonObject json, String name, long ns) {
        if (ns != HttpPhases.NONE) {
            json.field(name, ns);
        }
    }

    private static void wall(CompactJsonObject json, String name, RequestRecord request, long perfNs) {
        if (perfNs != 0) {
            json.field(name, request.timestampNs() + (perfNs - request.startPerfNs()));
        }
    }

    private static void chunks(CompactJsonObject json, String name, RequestRecord request, long[] times,
                               int[] sizes) {
        if (times.length == 0) {
            return;
        }
        StringBuilder out = json.member(name).append('[');
        for (int i = 0; i < times.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('[').append(request.timestampNs() + (times[i] - request.startPerfNs())).append(',')
                    .append(sizes[i]).append(']');
        }
        out.append(']');
    }
}
