package dev.aiperf.metrics;

import dev.aiperf.api.model.HttpTrace;

import java.util.List;

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
 *
 * <p>All fifteen values of a request are computed together, once, into an {@link HttpReqValues}; each metric
 * here only names its slot ({@link Slot}). {@link MetricRecordProcessor} places the whole block into the record
 * without boxing; the slot functions serve a metric list where the block does not stand together.
 */
final class HttpTraceMetrics {
    private static final String BYTES = "B";
    private static final String KILOBYTES = "KB";
    private static final String COUNT = "count";

    private HttpTraceMetrics() {
    }

    static List<Metric> all() {
        return List.of(
                time(HTTP_REQ_BLOCKED, "HTTP Blocked", "Blocked", 2000, HttpReqValues.BLOCKED),
                time(HTTP_REQ_DNS_LOOKUP, "HTTP DNS Lookup", "DNS", 2010, HttpReqValues.DNS_LOOKUP),
                time(HTTP_REQ_CONNECTING, "HTTP Connecting", "Connecting", 2020, HttpReqValues.CONNECTING),
                time(HTTP_REQ_TLS_HANDSHAKING, "HTTP TLS Handshaking", "TLS", 2025, HttpReqValues.TLS_HANDSHAKING),
                time(HTTP_REQ_SENDING, "HTTP Sending", "Sending", 2030, HttpReqValues.SENDING),
                time(HTTP_REQ_WAITING, "HTTP Waiting (TTFB)", "TTFB", 2040, HttpReqValues.WAITING),
                time(HTTP_REQ_RECEIVING, "HTTP Receiving", "Receiving", 2050, HttpReqValues.RECEIVING),
                traced(metric(HTTP_REQ_CONNECTION_REUSED, "HTTP Connection Reused", "Conn Reused").unit(RATIO)
                        .order(2060), HttpReqValues.CONNECTION_REUSED),
                traced(metric(HTTP_REQ_DATA_SENT, "HTTP Data Sent", "Sent").unit(BYTES, KILOBYTES).order(2070),
                        HttpReqValues.DATA_SENT),
                traced(metric(HTTP_REQ_CHUNKS_SENT, "HTTP Chunks Sent", "Chunks Sent").unit(COUNT).order(2080),
                        HttpReqValues.CHUNKS_SENT),
                traced(metric(HTTP_REQ_DATA_RECEIVED, "HTTP Data Received", "Received").unit(BYTES, KILOBYTES)
                        .order(2090), HttpReqValues.DATA_RECEIVED),
                traced(metric(HTTP_REQ_CHUNKS_RECEIVED, "HTTP Chunks Received", "Chunks Recv").unit(COUNT)
                        .order(2100), HttpReqValues.CHUNKS_RECEIVED),
                // blocked + DNS + connecting, when all three have a value
                traced(metric(HTTP_REQ_CONNECTION_OVERHEAD, "HTTP Connection Overhead", "Conn Overhead")
                        .unit(NANOSECONDS, MILLISECONDS).order(2110)
                        .requires(HTTP_REQ_BLOCKED, HTTP_REQ_DNS_LOOKUP, HTTP_REQ_CONNECTING),
                        HttpReqValues.CONNECTION_OVERHEAD),
                time(HTTP_REQ_DURATION, "HTTP Duration (excl. conn)", "Dur (excl)", 2120, HttpReqValues.DURATION),
                // every phase, when all six have a value
                traced(metric(HTTP_REQ_TOTAL, "HTTP Total Time", "Total").unit(NANOSECONDS, MILLISECONDS).order(2130)
                        .requires(HTTP_REQ_BLOCKED, HTTP_REQ_DNS_LOOKUP, HTTP_REQ_CONNECTING, HTTP_REQ_SENDING,
                                HTTP_REQ_WAITING, HTTP_REQ_RECEIVING), HttpReqValues.TOTAL));
    }

    /** The slot of an http_req_* metric, or -1 for any other metric. */
    static int slotOf(Metric metric) {
        return metric instanceof RecordMetric m && m.function() instanceof Slot slot ? slot.slot() : -1;
    }

    private static Metric time(String tag, String header, String shortHeader, int order, int slot) {
        return traced(metric(tag, header, shortHeader).unit(NANOSECONDS, MILLISECONDS).order(order), slot);
    }

    private static Metric traced(MetricBuilder builder, int slot) {
        return builder.flags(HTTP_TRACE_ONLY, NO_CONSOLE).record(new Slot(slot));
    }

    /** An http_req_* metric's value: its slot of the record's {@link HttpReqValues}; none without a trace. */
    record Slot(int slot) implements RecordMetric.Function {
        @Override
        public Object compute(RecordInput input) {
            HttpReqValues values = input.httpReq();
            return values != null && values.has(slot) ? values.value(slot) : null;
        }
    }
}
