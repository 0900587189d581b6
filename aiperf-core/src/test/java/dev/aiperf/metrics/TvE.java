package dev.aiperf.metrics;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.TokenCounts;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.record.MetricResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Test vector TV-E of the metrics spec §8: the end-to-end run the original produced its example
 * exports from. Four streaming chat requests and one HTTP 500; times in ms from T0 (wall) and from
 * an arbitrary monotonic base.
 */
public final class TvE {
    public static final long T0 = 1_762_551_534_000_000_000L;
    public static final long PERF0 = 5_000_000_000L;
    public static final long MS = 1_000_000L;
    public static final ErrorDetails ERROR = new ErrorDetails(500, "Internal Server Error", "{\"error\":\"boom\"}");

    private TvE() {
    }

    public static List<ParsedResponseRecord> records() {
        return List.of(
                record(0, 0, new long[] {40, 52, 61, 75}, 100, 8),
                record(1, 5, new long[] {35, 45, 58}, 120, 6),
                record(2, 80, new long[] {45, 55, 70, 90, 101}, 100, 10),
                record(3, 90, new long[] {60, 66}, 80, 3),
                failed(4, 100, 90));
    }

    public static RequestInfo info(int index) {
        Turn withoutMax = Turn.ofText("Hello there", null);
        return new RequestInfo(new Conversation("conv-" + index, List.of(withoutMax), null, null), List.of(withoutMax),
                0, index, CreditPhase.PROFILING, "req-" + index, "corr-" + index, 0);
    }

    static ParsedResponseRecord record(int index, long startMs, long[] chunksMs, int isl, int osl) {
        long start = PERF0 + startMs * MS;
        List<InferenceResponse> raw = new ArrayList<>();
        List<ParsedResponse> parsed = new ArrayList<>();
        for (long chunk : chunksMs) {
            long perf = start + chunk * MS;
            raw.add(new InferenceResponse(perf, InferenceResponse.Kind.SSE, "{\"choices\":[{\"delta\":{\"content\":\"x\"}}]}"));
            parsed.add(new ParsedResponse(perf, new ResponseData.Text("x"), null));
        }
        RequestRecord request = new RequestRecord(info(index), "Qwen/Qwen3-0.6B", T0 + startMs * MS, start - 1000, start,
                start + 20 * MS, start + chunksMs[chunksMs.length - 1] * MS, 200, raw, null, null);
        return new ParsedResponseRecord(request, parsed, new TokenCounts(isl, osl, null));
    }

    static ParsedResponseRecord failed(int index, long startMs, int isl) {
        long start = PERF0 + startMs * MS;
        RequestRecord request = new RequestRecord(info(index), "Qwen/Qwen3-0.6B", T0 + startMs * MS, start - 1000, start,
                null, start + 3 * MS, 500, List.of(), ERROR, null);
        return new ParsedResponseRecord(request, List.of(), new TokenCounts(isl, null, null));
    }

    public static BenchmarkConfig config() {
        return TestConfigs.builder().build();
    }

    public static List<MetricRecord> metricRecords(BenchmarkConfig config) {
        MetricRecordProcessor processor = new MetricRecordProcessor(
                ActiveMetrics.forRun(config, TestConfigs.CHAT, MetricsEnvironment.DEFAULTS));
        return records().stream().map(processor::processRecord).toList();
    }

    public static List<MetricResult> results(BenchmarkConfig config) {
        MetricResultsProcessor results = new MetricResultsProcessor(
                ActiveMetrics.forRun(config, TestConfigs.CHAT, MetricsEnvironment.DEFAULTS));
        metricRecords(config).forEach(results::addRecord);
        return results.processResults();
    }
}
