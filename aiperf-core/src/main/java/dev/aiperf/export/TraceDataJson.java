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
    private static final byte[] BLOCKED_NS = Utf8JsonObject.name("blocked_ns");
    private static final byte[] CONNECTING_NS = Utf8JsonObject.name("connecting_ns");
    private static final byte[] CONNECTION_POOL_WAIT_END_NS = Utf8JsonObject.name("connection_pool_wait_end_ns");
    private static final byte[] CONNECTION_POOL_WAIT_START_NS = Utf8JsonObject.name("connection_pool_wait_start_ns");
    private static final byte[] CONNECTION_REUSED_NS = Utf8JsonObject.name("connection_reused_ns");
    private static final byte[] DNS_LOOKUP_END_NS = Utf8JsonObject.name("dns_lookup_end_ns");
    private static final byte[] DNS_LOOKUP_NS = Utf8JsonObject.name("dns_lookup_ns");
    private static final byte[] DNS_LOOKUP_START_NS = Utf8JsonObject.name("dns_lookup_start_ns");
    private static final byte[] DURATION_NS = Utf8JsonObject.name("duration_ns");
    private static final byte[] ERROR_TIMESTAMP_NS = Utf8JsonObject.name("error_timestamp_ns");
    private static final byte[] LOCAL_IP = Utf8JsonObject.name("local_ip");
    private static final byte[] LOCAL_PORT = Utf8JsonObject.name("local_port");
    private static final byte[] RECEIVING_NS = Utf8JsonObject.name("receiving_ns");
    private static final byte[] REMOTE_IP = Utf8JsonObject.name("remote_ip");
    private static final byte[] REMOTE_PORT = Utf8JsonObject.name("remote_port");
    private static final byte[] REQUEST_BYTES_TOTAL = Utf8JsonObject.name("request_bytes_total");
    private static final byte[] REQUEST_CHUNKS = Utf8JsonObject.name("request_chunks");
    private static final byte[] REQUEST_CHUNKS_COUNT = Utf8JsonObject.name("request_chunks_count");
    private static final byte[] REQUEST_HEADERS = Utf8JsonObject.name("request_headers");
    private static final byte[] REQUEST_HEADERS_SENT_NS = Utf8JsonObject.name("request_headers_sent_ns");
    private static final byte[] REQUEST_SEND_END_NS = Utf8JsonObject.name("request_send_end_ns");
    private static final byte[] REQUEST_SEND_START_NS = Utf8JsonObject.name("request_send_start_ns");
    private static final byte[] RESPONSE_BYTES_TOTAL = Utf8JsonObject.name("response_bytes_total");
    private static final byte[] RESPONSE_CHUNKS = Utf8JsonObject.name("response_chunks");
    private static final byte[] RESPONSE_CHUNKS_COUNT = Utf8JsonObject.name("response_chunks_count");
    private static final byte[] RESPONSE_HEADERS = Utf8JsonObject.name("response_headers");
    private static final byte[] RESPONSE_HEADERS_RECEIVED_NS = Utf8JsonObject.name("response_headers_received_ns");
    private static final byte[] RESPONSE_REASON = Utf8JsonObject.name("response_reason");
    private static final byte[] RESPONSE_RECEIVE_END_NS = Utf8JsonObject.name("response_receive_end_ns");
    private static final byte[] RESPONSE_RECEIVE_START_NS = Utf8JsonObject.name("response_receive_start_ns");
    private static final byte[] RESPONSE_STATUS_CODE = Utf8JsonObject.name("response_status_code");
    private static final byte[] SENDING_NS = Utf8JsonObject.name("sending_ns");
    private static final byte[] TCP_CONNECT_END_NS = Utf8JsonObject.name("tcp_connect_end_ns");
    private static final byte[] TCP_CONNECT_START_NS = Utf8JsonObject.name("tcp_connect_start_ns");
    private static final byte[] TLS_HANDSHAKE_END_NS = Utf8JsonObject.name("tls_handshake_end_ns");
    private static final byte[] TLS_HANDSHAKE_START_NS = Utf8JsonObject.name("tls_handshake_start_ns");
    private static final byte[] TRACE_TYPE = Utf8JsonObject.name("trace_type");
    private static final byte[] WAITING_NS = Utf8JsonObject.name("waiting_ns");

    private TraceDataJson() {
    }

    static void write(Utf8Line out, RequestRecord request, Redaction redaction) {
        HttpTrace t = request.trace();
        Utf8JsonObject json = new Utf8JsonObject(out);
        json.field(TRACE_TYPE, t.traceType());
        wall(json, REQUEST_SEND_START_NS, request, t.requestSendStartPerfNs());
        headers(json, REQUEST_HEADERS, request.detail().headers(), redaction);
        wall(json, REQUEST_HEADERS_SENT_NS, request, t.requestHeadersSentPerfNs());
        chunks(json, REQUEST_CHUNKS, request, t.requestChunkPerfNs(), t.requestChunkBytes());
        wall(json, REQUEST_SEND_END_NS, request, t.requestSendEndPerfNs());
        json.field(REQUEST_CHUNKS_COUNT, t.requestChunksCount());
        json.field(REQUEST_BYTES_TOTAL, t.requestBytesTotal());
        if (t.responseStatusCode() != 0) {
            json.field(RESPONSE_STATUS_CODE, t.responseStatusCode());
        }
        json.field(RESPONSE_REASON, t.responseReason());
        wall(json, RESPONSE_RECEIVE_START_NS, request, t.responseReceiveStartPerfNs());
        if (t.responseHeaders() != null) {
            headers(json, RESPONSE_HEADERS, t.responseHeaders(), redaction);
        }
        wall(json, RESPONSE_HEADERS_RECEIVED_NS, request, t.responseHeadersReceivedPerfNs());
        chunks(json, RESPONSE_CHUNKS, request, t.responseChunkPerfNs(), t.responseChunkBytes());
        json.field(RESPONSE_CHUNKS_COUNT, t.responseChunksCount());
        json.field(RESPONSE_BYTES_TOTAL, t.responseBytesTotal());
        wall(json, RESPONSE_RECEIVE_END_NS, request, t.responseReceiveEndPerfNs());
        wall(json, ERROR_TIMESTAMP_NS, request, t.errorPerfNs());
        wall(json, CONNECTION_POOL_WAIT_START_NS, request, t.poolWaitStartPerfNs());
        wall(json, CONNECTION_POOL_WAIT_END_NS, request, t.poolWaitEndPerfNs());
        wall(json, TCP_CONNECT_START_NS, request, t.tcpConnectStartPerfNs());
        wall(json, TCP_CONNECT_END_NS, request, t.tcpConnectEndPerfNs());
        wall(json, CONNECTION_REUSED_NS, request, t.connectionReusedPerfNs());
        wall(json, DNS_LOOKUP_START_NS, request, t.dnsLookupStartPerfNs());
        wall(json, DNS_LOOKUP_END_NS, request, t.dnsLookupEndPerfNs());
        json.field(LOCAL_IP, t.localIp());
        if (t.localPort() != 0) {
            json.field(LOCAL_PORT, t.localPort());
        }
        json.field(REMOTE_IP, t.remoteIp());
        if (t.remotePort() != 0) {
            json.field(REMOTE_PORT, t.remotePort());
        }
        wall(json, TLS_HANDSHAKE_START_NS, request, t.tlsHandshakeStartPerfNs());
        wall(json, TLS_HANDSHAKE_END_NS, request, t.tlsHandshakeEndPerfNs());
        phase(json, SENDING_NS, HttpPhases.sending(t));
        phase(json, WAITING_NS, HttpPhases.waiting(t));
        phase(json, RECEIVING_NS, HttpPhases.receiving(t));
        phase(json, DURATION_NS, HttpPhases.duration(t));
        phase(json, BLOCKED_NS, HttpPhases.blocked(t));
        phase(json, DNS_LOOKUP_NS, HttpPhases.dnsLookup(t));
        phase(json, CONNECTING_NS, HttpPhases.connecting(t));
        json.end();
    }

    /** The headers as an object, their credentials redacted: written member by member, without a copy of the map. */
    private static void headers(Utf8JsonObject json, byte[] name, Map<String, String> headers, Redaction redaction) {
        Utf8JsonObject object = new Utf8JsonObject(json.member(name));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            object.field(header.getKey(), redaction.headerValue(header.getKey(), header.getValue()));
        }
        object.end();
    }

    /** A computed phase duration; left out when it has no value. */
    private static void phase(Utf8JsonObject json, byte[] name, long ns) {
        if (ns != HttpPhases.NONE) {
            json.field(name, ns);
        }
    }

    private static void wall(Utf8JsonObject json, byte[] name, RequestRecord request, long perfNs) {
        if (perfNs != 0) {
            json.field(name, request.timestampNs() + (perfNs - request.startPerfNs()));
        }
    }

    private static void chunks(Utf8JsonObject json, byte[] name, RequestRecord request, long[] times,
                               int[] sizes) {
        if (times.length == 0) {
            return;
        }
        Utf8Line out = json.member(name).append((byte) '[');
        for (int i = 0; i < times.length; i++) {
            if (i > 0) {
                out.append((byte) ',');
            }
            out.append((byte) '[').append(request.timestampNs() + (times[i] - request.startPerfNs())).append((byte) ',')
                    .append((long) sizes[i]).append((byte) ']');
        }
        out.append((byte) ']');
    }
}
