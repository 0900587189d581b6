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
    private RecordMetadataJson() {
    }

    static void write(StringBuilder out, RequestRecord request, String workerId, String recordProcessorId) {
        RequestInfo info = request.requestInfo();
        CompactJsonObject json = new CompactJsonObject(out);
        if (info != null) {
            json.field("session_num", info.creditNum());
            json.field("x_request_id", info.xRequestId());
            json.field("x_correlation_id", info.xCorrelationId());
            json.field("conversation_id", info.conversation() == null ? null : info.conversation().sessionId());
            json.field("turn_index", info.turnIndex());
        }
        if (request.intendedSendPerfNs() > 0) {
            json.field("credit_issued_ns", wall(request, request.intendedSendPerfNs()));
        }
        json.field("request_start_ns", request.timestampNs());
        if (request.recvStartPerfNs() != null) {
            json.field("request_ack_ns", wall(request, request.recvStartPerfNs()));
        }
        Long end = endPerfNs(request);
        if (end != null) {
            json.field("request_end_ns", wall(request, end));
        }
        json.field("worker_id", workerId);
        json.field("record_processor_id", recordProcessorId);
        json.field("benchmark_phase", info == null ? CreditPhase.PROFILING.wireName() : info.phase().wireName());
        json.field("was_cancelled", request.cancellationPerfNs() != null);
        if (request.cancellationPerfNs() != null) {
            json.field("cancellation_time_ns", wall(request, request.cancellationPerfNs()));
            // Not in the original, which writes no line for a cancelled request: what it had received.
            json.field("responses_received", request.responses().size());
        }
        // Not in the original (docs/honesty.md): how long the request waited on the client before it went out.
        if (request.handoffPerfNs() != null) {
            if (request.intendedSendPerfNs() > 0) {
                json.field("send_lag_ns", Math.max(0L, request.startPerfNs() - request.intendedSendPerfNs()));
            }
            json.field("queue_wait_ns", Math.max(0L, request.startPerfNs() - request.handoffPerfNs()));
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
