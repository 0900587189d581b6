package dev.aiperf.metrics;

import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.HttpTrace;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.RequestDetail;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.TokenCounts;
import dev.aiperf.api.model.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * Records in the convention of the metrics spec §8: {@code start = start_perf_ns = timestamp_ns},
 * every response a content chunk with text {@code "test"}, the end at the last response.
 */
public final class TestRecords {
    private TestRecords() {
    }

    public static RequestInfo info(int index, Integer maxTokens, CreditPhase phase) {
        Turn turn = Turn.ofText("hello world", maxTokens);
        return new RequestInfo(new Conversation("conv-" + index, List.of(turn), null, null), List.of(turn), 0, index,
                phase, "req-" + index, "corr-" + index, 0);
    }

    /** A raw record whose responses arrive at {@code times} (SSE text {@code "test"}). */
    public static RequestRecord request(long start, long... times) {
        List<InferenceResponse> responses = new ArrayList<>();
        for (long time : times) {
            responses.add(new InferenceResponse(time, InferenceResponse.Kind.SSE, "test"));
        }
        Long end = times.length == 0 ? null : times[times.length - 1];
        return new RequestRecord(info(0, null, CreditPhase.PROFILING), "m", start, 0, start, null, end, 200, responses,
                null, null);
    }

    /** A parsed record with one content chunk per time and {@code tokensPerResponse} output tokens each. */
    public static ParsedResponseRecord parsedWithTokens(long start, int tokensPerResponse, long... times) {
        List<ParsedResponse> responses = new ArrayList<>();
        for (long time : times) {
            responses.add(new ParsedResponse(time, new ResponseData.Text("test"), null));
        }
        return new ParsedResponseRecord(request(start, times), responses,
                new TokenCounts(null, times.length * tokensPerResponse, null));
    }

    public static ParsedResponseRecord parsed(long start, long... times) {
        return parsedWithTokens(start, 1, times);
    }

    public static ParsedResponseRecord withCounts(ParsedResponseRecord record, TokenCounts counts) {
        return new ParsedResponseRecord(record.request(), record.responses(), counts);
    }

    public static ParsedResponseRecord withResponses(long start, List<ParsedResponse> responses, TokenCounts counts) {
        long[] times = responses.stream().mapToLong(ParsedResponse::perfNs).toArray();
        return new ParsedResponseRecord(request(start, times), responses, counts);
    }

    public static ParsedResponseRecord withMaxTokens(ParsedResponseRecord record, int maxTokens) {
        RequestRecord r = record.request();
        RequestRecord request = new RequestRecord(info(0, maxTokens, CreditPhase.PROFILING), r.model(), r.timestampNs(),
                r.intendedSendPerfNs(), r.startPerfNs(), r.recvStartPerfNs(), r.endPerfNs(), r.status(), r.responses(),
                r.error(), r.cancellationPerfNs());
        return new ParsedResponseRecord(request, record.responses(), record.tokenCounts());
    }

    /**
     * The record with an HTTP trace of a reused connection: the send from {@code start} for 5 ns after a 10 ns wait
     * for the connection, the first body byte 20 ns later, the last at the record's end; {@code chunks} body chunks
     * (none: no receive stamps); {@code start} must not be 0, which a stamp uses for "did not happen". Chunks themselves are not kept, as without --export-http-trace.
     */
    public static ParsedResponseRecord traced(ParsedResponseRecord record, int chunks) {
        RequestRecord r = record.request();
        long start = r.startPerfNs();
        long end = r.endPerfNs() == null ? start + 100 : r.endPerfNs();
        HttpTrace trace = new HttpTrace("netty-http1", start - 10, start, 0, 0, 0, 0, 0, 0, start, "127.0.0.1", 40000,
                "127.0.0.1", 8000, start, start + 5, start + 5, new long[0], new int[0], 1, 321, 200, "OK", null,
                start + 20, chunks == 0 ? 0 : start + 25, chunks == 0 ? 0 : end, new long[0], new int[0], chunks,
                1000L * chunks, 0);
        RequestRecord request = new RequestRecord(r.requestInfo(), r.model(), r.timestampNs(), r.intendedSendPerfNs(),
                r.startPerfNs(), r.recvStartPerfNs(), r.endPerfNs(), r.status(), r.responses(), r.error(),
                r.cancellationPerfNs(), r.handoffPerfNs(), new RequestDetail(new byte[0], null, null, trace));
        return new ParsedResponseRecord(request, record.responses(), record.tokenCounts());
    }

    /** A failed request with the given input token count. */
    public static ParsedResponseRecord failed(long start, Integer inputTokens, ErrorDetails error) {
        RequestRecord request = new RequestRecord(info(0, null, CreditPhase.PROFILING), "m", start, 0, start, null,
                start + 3, 500, List.of(), error, null);
        return new ParsedResponseRecord(request, List.of(), new TokenCounts(inputTokens, null, null));
    }
}
