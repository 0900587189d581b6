package dev.aiperf.records;

import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ParsedResponses;
import dev.aiperf.api.model.ReceivedResponses;
import dev.aiperf.api.model.RequestRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a successful-looking record is valid (metrics spec §1.1) and, when it is not,
 * describes why as the original's {@code InvalidInferenceResultError}: the message is
 * {@code InvalidInferenceResultError('Invalid inference result: <note>, <note>')}.
 */
public final class InvalidInferenceResult {
    /** The error type written to exports. */
    public static final String ERROR_TYPE = "InvalidInferenceResultError";
    static final String NO_CONTENT = "No responses with actual content were received from the server "
            + "(only usage/metadata, null/empty data, or [DONE] markers)";

    private InvalidInferenceResult() {
    }

    /**
     * The error for an invalid record, or null when it is valid. A record is valid when it has a
     * content response, {@code 0 <= start < end < Long.MAX_VALUE} (end: the record's end, else its
     * last response), and every response time is in {@code (0, Long.MAX_VALUE)}.
     */
    public static ErrorDetails check(RequestRecord record, List<ParsedResponse> parsed) {
        List<String> notes = new ArrayList<>();
        if (!anyContent(parsed)) {
            notes.add(NO_CONTENT);
        }
        long start = record.startPerfNs();
        if (start < 0 || start == Long.MAX_VALUE) {
            notes.add("Start perf ns timestamp is invalid: " + start);
        }
        List<InferenceResponse> responses = record.responses();
        for (int i = 0; i < responses.size(); i++) {
            long perfNs = perfNs(responses, i);
            if (perfNs <= 0 || perfNs == Long.MAX_VALUE) {
                notes.add("Response " + i + " perf ns timestamp is invalid: " + perfNs);
            }
        }
        Long end = record.endPerfNs() != null ? record.endPerfNs()
                : responses.isEmpty() ? null : perfNs(responses, responses.size() - 1);
        if (notes.isEmpty() && (end == null || end <= start || end == Long.MAX_VALUE)) {
            // the original adds no note here and ends its message with ": "; name the cause instead
            notes.add("End perf ns timestamp " + end + " is not after the start perf ns timestamp " + start);
        }
        return notes.isEmpty() ? null : error(notes);
    }

    /** The arrival time of response {@code i}, from the received arrays when it can: no object per response. */
    private static long perfNs(List<InferenceResponse> responses, int i) {
        return responses instanceof ReceivedResponses received ? received.perfNs(i) : responses.get(i).perfNs();
    }

    static ErrorDetails error(List<String> notes) {
        String text = "Invalid inference result: " + String.join(", ", notes);
        return new ErrorDetails(null, ERROR_TYPE, ERROR_TYPE + "('" + text + "')");
    }

    /** A loop, not a stream: this runs for every record. */
    private static boolean anyContent(List<ParsedResponse> parsed) {
        ParsedResponses responses = ParsedResponses.copyOf(parsed);
        for (int i = 0; i < responses.size(); i++) {
            if (responses.hasContent(i)) {
                return true;
            }
        }
        return false;
    }
}
