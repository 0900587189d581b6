package dev.aiperf.metrics;

import dev.aiperf.api.model.HttpTrace;

import java.util.List;
import java.util.function.Function;

import static dev.aiperf.api.record.MetricFlag.HTTP_TRACE_ONLY;
import static dev.aiperf.api.record.MetricFlag.NO_CONSOLE;
import static dev.aiperf.metrics.MetricBuilder.metric;
import static dev.aiperf.metrics.MetricTags.*;
import static dev.aiperf.metrics.MetricUnits.MILLISECONDS;
import static dev.aiperf.metrics.MetricUnits.NANOSECONDS;
import static dev.aiperf.metrics.MetricUnits.RATIO;

/**
 * Where each request's time went on the wire (metrics spec §2.1 and §2.2 "HTTP trace", k6-style): the
 * {@code http_req_*} metrics, computed from the transport's {@link HttpTrace} whenever it traced the
 * request (always, unless {@code AIPERF_HTTP_TRACE=false}); a request without a trace has none of them.
 * Exported, never in the console table. {@code http_req_tls_handshaking} is not in the original, which
 * counts the handshake in {@code http_req_connecting} (so do we).
 */
final class HttpTraceMetrics {
    private static final String BYTES = "B";
    private static final String KILOBYTES = "KB";
    private static final String COUNT = "count";

    private HttpTraceMetrics() {
    }

    static List<Metric> all() {
        return List.of(
                time(HTTP_REQ_BLOCKED, "HTTP Blocked", "Blocked", 2000, HttpPhases::blocked),
                time(HTTP_REQ_DNS_LOOKUP, "HTTP DNS Lookup", "DNS", 2010, HttpPhases::dnsLookup),
                time(HTTP_REQ_CONNECTING, "HTTP Connecting", "Connecting", 2020, HttpPhases::connecting),
                time(HTTP_REQ_TLS_HANDSHAKING, "HTTP TLS Handshaking", "TLS", 2025, HttpPhases::tlsHandshaking),
                time(HTTP_REQ_SENDING, "HTTP Sending", "Sending", 2030, HttpPhases::sending),
                time(HTTP_REQ_WAITING, "HTTP Waiting (TTFB)", "TTFB", 2040, HttpPhases::waiting),
                time(HTTP_REQ_RECEIVING, "HTTP Receiving", "Receiving", 2050, HttpPhases::receiving),
                traced(metric(HTTP_REQ_CONNECTION_REUSED, "HTTP Connection Reused", "Conn Reused").unit(RATIO)
                        .order(2060), t -> t.connectionReused() ? 1L : 0L),
                traced(metric(HTTP_REQ_DATA_SENT, "HTTP Data Sent", "Sent").unit(BYTES, KILOBYTES).order(2070),
                        HttpTrace::requestBytesTotal),
                traced(metric(HTTP_REQ_CHUNKS_SENT, "HTTP Chunks Sent", "Chunks Sent").unit(COUNT).order(2080),
                        t -> (long) t.requestChunksCount()),
                traced(metric(HTTP_REQ_DATA_RECEIVED, "HTTP Data Received", "Received").unit(BYTES, KILOBYTES)
                        .order(2090), HttpTrace::responseBytesTotal),
                traced(metric(HTTP_REQ_CHUNKS_RECEIVED, "HTTP Chunks Received", "Chunks Recv").unit(COUNT)
                        .order(2100), t -> (long) t.responseChunksCount()),
                metric(HTTP_REQ_CONNECTION_OVERHEAD, "HTTP Connection Overhead", "Conn Overhead")
                        .unit(NANOSECONDS, MILLISECONDS).order(2110).flags(HTTP_TRACE_ONLY, NO_CONSOLE)
                        .requires(HTTP_REQ_BLOCKED, HTTP_REQ_DNS_LOOKUP, HTTP_REQ_CONNECTING)
                        .record(in -> in.longValue(HTTP_REQ_BLOCKED) + in.longValue(HTTP_REQ_DNS_LOOKUP)
                                + in.longValue(HTTP_REQ_CONNECTING)),
                time(HTTP_REQ_DURATION, "HTTP Duration (excl. conn)", "Dur (excl)", 2120, HttpPhases::duration),
                metric(HTTP_REQ_TOTAL, "HTTP Total Time", "Total").unit(NANOSECONDS, MILLISECONDS).order(2130)
                        .flags(HTTP_TRACE_ONLY, NO_CONSOLE)
                        .requires(HTTP_REQ_BLOCKED, HTTP_REQ_DNS_LOOKUP, HTTP_REQ_CONNECTING, HTTP_REQ_SENDING,
                                HTTP_REQ_WAITING, HTTP_REQ_RECEIVING)
                        .record(in -> in.longValue(HTTP_REQ_BLOCKED) + in.longValue(HTTP_REQ_DNS_LOOKUP)
                                + in.longValue(HTTP_REQ_CONNECTING) + in.longValue(HTTP_REQ_SENDING)
                                + in.longValue(HTTP_REQ_WAITING) + in.longValue(HTTP_REQ_RECEIVING)));
    }

    private static Metric time(String tag, String header, String shortHeader, int order,
                               Function<HttpTrace, Long> phase) {
        return traced(metric(tag, header, shortHeader).unit(NANOSECONDS, MILLISECONDS).order(order), phase);
    }

    private static Metric traced(MetricBuilder builder, Function<HttpTrace, Long> value) {
        return builder.flags(HTTP_TRACE_ONLY, NO_CONSOLE).record(in -> {
            HttpTrace trace = in.request().trace();
            return trace == null ? null : value.apply(trace);
        });
    }
}
