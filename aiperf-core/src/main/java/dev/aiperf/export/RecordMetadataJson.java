package dev.aiperf.export;

import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;

/**
 * The {@code metadata} object of a per-request line (metrics spec §5.4), shared by {@code profile_export.jsonl}
 * and {@code profile_export_raw.jsonl}: ids, wall-clock times (monotonic stamps converted to wall time from the
 * request's start), worker, phase and cancellation.
 */
final class RecordMetadataJson {
    private static final byte[] SESSION_NUM = Utf8JsonObject.name("session_num");
    private static final byte[] X_REQUEST_ID = Utf8JsonObject.name("x_request_id");
    private static final byte[] X_CORRELATION_ID = Utf8JsonObject.name("x_correlation_id");
    private static final byte[] CONVERSATION_ID = Utf8JsonObject.name("conversation_id");
    private static final byte[] TURN_INDEX = Utf8JsonObject.name("turn_index");
    private static final byte[] CREDIT_ISSUED_NS = Utf8JsonObject.name("credit_issued_ns");
    private static final byte[] REQUEST_START_NS = Utf8JsonObject.name("request_start_ns");
    private static final byte[] REQUEST_ACK_NS = Utf8JsonObject.name("request_ack_ns");
    private static final byte[] REQUEST_END_NS = Utf8JsonObject.name("request_end_ns");
    private static final byte[] WORKER_ID = Utf8JsonObject.name("worker_id");
    private static final byte[] RECORD_PROCESSOR_ID = Utf8JsonObject.name("record_processor_id");
    private static final byte[] BENCHMARK_PHASE = Utf8JsonObject.name("benchmark_phase");
    private static final byte[] WAS_CANCELLED = Utf8JsonObject.name("was_cancelled");
    private static final byte[] CANCELLATION_TIME_NS = Utf8JsonObject.name("cancellation_time_ns");
    private static final byte[] RESPONSES_RECEIVED = Utf8JsonObject.name("responses_received");
    private static final byte[] SEND_LAG_NS = Utf8JsonObject.name("send_lag_ns");
    private static final byte[] QUEUE_WAIT_NS = Utf8JsonObject.name("queue_wait_ns");

    private RecordMetadataJson() {
    }

    /** The object as text, for the raw records' line (still built as characters). */
    static void write(StringBuilder out, RequestRecord request, String workerId, String recordProcessorId) {
        Utf8Line line = new Utf8Line(512);
        write(line, request, workerId, recordProcessorId);
        out.append(line);
    }

    static void write(Utf8Line out, RequestRecord request, String workerId, String recordProcessorId) {
        RequestInfo info = request.requestInfo();
        Utf8JsonObject json = new Utf8JsonObject(out);
        if (info != null) {
            json.field(SESSION_NUM, info.creditNum());
            json.field(X_REQUEST_ID, info.xRequestId());
            json.field(X_CORRELATION_ID, info.xCorrelationId());
            json.field(CONVERSATION_ID, info.conversation() == null ? null : info.conversation().sessionId());
            json.field(TURN_INDEX, info.turnIndex());
        }
        if (request.intendedSendPerfNs() > 0) {
            json.field(CREDIT_ISSUED_NS, wall(request, request.intendedSendPerfNs()));
        }
        json.field(REQUEST_START_NS, request.timestampNs());
        if (request.recvStartPerfNs() != null) {
            json.field(REQUEST_ACK_NS, wall(request, request.recvStartPerfNs()));
        }
        Long end = endPerfNs(request);
        if (end != null) {
            json.field(REQUEST_END_NS, wall(request, end));
        }
        json.field(WORKER_ID, workerId);
        json.field(RECORD_PROCESSOR_ID, recordProcessorId);
        json.field(BENCHMARK_PHASE, info == null ? CreditPhase.PROFILING.wireName() : info.phase().wireName());
        json.field(WAS_CANCELLED, request.cancellationPerfNs() != null);
        if (request.cancellationPerfNs() != null) {
            json.field(CANCELLATION_TIME_NS, wall(request, request.cancellationPerfNs()));
            // Not in the original, which writes no line for a cancelled request: what it had received.
            json.field(RESPONSES_RECEIVED, request.responses().size());
        }
        // Not in the original (docs/honesty.md): how long the request waited on the client before it went out.
        if (request.handoffPerfNs() != null) {
            if (request.intendedSendPerfNs() > 0) {
                json.field(SEND_LAG_NS, Math.max(0L, request.startPerfNs() - request.intendedSendPerfNs()));
            }
            json.field(QUEUE_WAIT_NS, Math.max(0L, request.startPerfNs() - request.handoffPerfNs()));
        }
        json.end();
    }

    /** The last raw response (usage-only and [DONE] included), else the request's end. */
    static Long endPerfNs(RequestRecord request) {
        var responses = request.responses();
        if (!responses.isEmpty()) {
            InferenceResponse last = responses.getLast();
            return last.perfNs();
        }
        return request.endPerfNs();
    }

    /** A monotonic time as wall time: the request's wall start plus the monotonic offset. */
    static long wall(RequestRecord request, long perfNs) {
        return request.timestampNs() + (perfNs - request.startPerfNs());
    }
}
