package dev.aiperf.metrics;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.TokenCounts;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.aiperf.metrics.MetricTags.*;
import static dev.aiperf.metrics.TestRecords.parsed;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-metric test vectors TV-1 .. TV-18 and TV-23 of the metrics spec §8. */
class MetricTestVectorsTest {
    private static final BenchmarkConfig STREAMING = TestConfigs.builder().build();
    private static final MetricRecordProcessor PROCESSOR = new MetricRecordProcessor(
            ActiveMetrics.forRun(STREAMING, TestConfigs.CHAT, MetricsEnvironment.DEFAULTS));

    private static Map<String, Object> values(ParsedResponseRecord record) {
        return PROCESSOR.processRecord(record).values();
    }

    private static Object value(String tag, ParsedResponseRecord record) {
        return values(record).get(tag);
    }

    private static RecordInput input(Map<String, Object> known) {
        return RecordInput.of(parsed(0, 1), new HashMap<>(known));
    }

    @Test
    void tv1TimeToFirstToken() {
        assertThat(value(TIME_TO_FIRST_TOKEN, parsed(100, 110))).isEqualTo(10L);
        assertThat(value(TIME_TO_FIRST_TOKEN, parsed(100, 105, 115))).isEqualTo(5L);
        assertThat(Stream.of(parsed(100, 105, 115), parsed(200, 205, 215), parsed(300, 310, 320))
                .map(r -> value(TIME_TO_FIRST_TOKEN, r))).containsExactly(5L, 5L, 10L);
    }

    @Test
    void tv2TimeToSecondToken() {
        assertThat(value(TIME_TO_SECOND_TOKEN, parsed(100, 105, 110, 130))).isEqualTo(5L);
        assertThat(values(parsed(100, 105))).doesNotContainKey(TIME_TO_SECOND_TOKEN);
    }

    @Test
    void tv3RequestLatency() {
        assertThat(value(REQUEST_LATENCY, parsed(10, 15, 25, 35))).isEqualTo(25L);
        assertThat(Stream.of(parsed(10, 25), parsed(20, 35), parsed(30, 50)).map(r -> value(REQUEST_LATENCY, r)))
                .containsExactly(15L, 15L, 20L);
    }

    @Test
    void tv4InterChunkLatency() {
        assertThat((double[]) value(INTER_CHUNK_LATENCY, parsed(1000, 1050, 1080, 1120, 1180, 1250, 1330)))
                .containsExactly(30, 40, 60, 70, 80);
        assertThat((double[]) value(INTER_CHUNK_LATENCY, parsed(50, 100, 120, 125, 135))).containsExactly(20, 5, 10);
    }

    @Test
    void tv5InterTokenLatency() {
        assertThat(value(INTER_TOKEN_LATENCY, TestRecords.parsedWithTokens(100, 3, 120, 200))).isEqualTo(16.0);
        assertThat(value(INTER_TOKEN_LATENCY, TestRecords.parsedWithTokens(1000, 3, 1040, 1080, 1120))).isEqualTo(10.0);
        assertThat(values(TestRecords.parsedWithTokens(100, 1, 120))).containsKey(OUTPUT_SEQUENCE_LENGTH).doesNotContainKey(INTER_TOKEN_LATENCY);
    }

    @Test
    void tv6OutputTokenThroughputPerUser() {
        assertThat(LatencyMetrics.outputTokenThroughputPerUser(input(Map.of(INTER_TOKEN_LATENCY, 100_000_000.0))))
                .isEqualTo(10.0);
        assertThat(LatencyMetrics.outputTokenThroughputPerUser(input(Map.of(INTER_TOKEN_LATENCY, 0.0)))).isNull();
    }

    @Test
    void tv7PrefillThroughputPerUser() {
        assertThat(prefill(1000, 100_000_000L)).isEqualTo(10000.0);
        assertThat(prefill(500, 50_000_000L)).isEqualTo(10000.0);
        assertThat(prefill(2000, 1_000_000_000L)).isEqualTo(2000.0);
        assertThat(prefill(2000, 0L)).isNull();
    }

    private static Double prefill(long isl, long ttft) {
        return LatencyMetrics.prefillThroughputPerUser(input(Map.of(INPUT_SEQUENCE_LENGTH, isl, TIME_TO_FIRST_TOKEN, ttft)));
    }

    @Test
    void tv8TimeToFirstOutputToken() {
        ParsedResponseRecord emptyContentFirst = TestRecords.withResponses(100, List.of(
                new ParsedResponse(105, new ResponseData.Reasoning(null, "thinking"), null),
                new ParsedResponse(110, new ResponseData.Reasoning("", "more"), null),
                new ParsedResponse(120, new ResponseData.Text("first content"), null)), new TokenCounts(null, 2, 2));
        ParsedResponseRecord contentInReasoning = TestRecords.withResponses(100, List.of(
                new ParsedResponse(105, new ResponseData.Reasoning(null, "thinking"), null),
                new ParsedResponse(110, new ResponseData.Reasoning("first content", "more"), null),
                new ParsedResponse(115, new ResponseData.Text("text"), null)), new TokenCounts(null, 2, 2));
        ParsedResponseRecord onlyReasoning = TestRecords.withResponses(100, List.of(
                new ParsedResponse(105, new ResponseData.Reasoning(null, "thinking"), null)), new TokenCounts(null, null, 1));

        assertThat(value(TIME_TO_FIRST_OUTPUT_TOKEN, emptyContentFirst)).isEqualTo(20L);
        assertThat(value(TIME_TO_FIRST_OUTPUT_TOKEN, contentInReasoning)).isEqualTo(10L);
        assertThat(values(onlyReasoning)).doesNotContainKey(TIME_TO_FIRST_OUTPUT_TOKEN)
                .containsEntry(TIME_TO_FIRST_TOKEN, 5L);
    }

    @Test
    void tv9BenchmarkDuration() {
        assertThat(runValue(BENCHMARK_DURATION, parsed(10, 15), parsed(20, 25), parsed(30, 40)))
                .isEqualTo(30 * MetricUnits.factor("ns", "sec"));
        assertThat(runValue(BENCHMARK_DURATION, parsed(100, 150))).isEqualTo(50 * MetricUnits.factor("ns", "sec"));
    }

    private static Double runValue(String tag, ParsedResponseRecord... records) {
        MetricResultsProcessor results = new MetricResultsProcessor(
                ActiveMetrics.forRun(STREAMING, TestConfigs.CHAT, MetricsEnvironment.DEFAULTS));
        Stream.of(records).map(PROCESSOR::processRecord).forEach(results::addRecord);
        return results.processResults().stream().filter(r -> r.tag().equals(tag)).findFirst()
                .map(MetricResult::avg).orElse(null);
    }

    /** A run-level view holding given scalars; sums come from {@code sums}. */
    private static RunInput run(Map<String, Number> scalars, Map<String, Double> sums) {
        return new RunInput() {
            @Override
            public boolean has(String tag) {
                return scalars.containsKey(tag) || sums.containsKey(tag);
            }

            @Override
            public double sum(String tag) {
                return sums.get(tag);
            }

            @Override
            public double value(String tag) {
                return scalars.get(tag).doubleValue();
            }

            @Override
            public long longValue(String tag) {
                return scalars.get(tag).longValue();
            }
        };
    }

    private static Number derive(String tag, Map<String, Number> scalars) {
        DerivedMetric metric = MetricCatalog.build(GoodputSlos.NONE, MetricsEnvironment.DEFAULTS).stream()
                .filter(m -> m.tag().equals(tag)).map(DerivedMetric.class::cast).findFirst().orElseThrow();
        return metric.function().compute(run(scalars, Map.of()));
    }

    @Test
    void tv10RequestThroughput() {
        assertThat(derive(REQUEST_THROUGHPUT, Map.of(REQUEST_COUNT, 100L, BENCHMARK_DURATION, 5_000_000_000L)))
                .isEqualTo(20.0);
        assertThat(derive(REQUEST_THROUGHPUT, Map.of(REQUEST_COUNT, 100L, BENCHMARK_DURATION, 0L))).isNull();
        assertThat(runValue(REQUEST_THROUGHPUT, parsed(100, 100))).as("no duration: no throughput").isNull();
    }

    @Test
    void tv11OutputTokenThroughput() {
        assertThat(derive(OUTPUT_TOKEN_THROUGHPUT, Map.of(TOTAL_OSL, 1000.0, BENCHMARK_DURATION, 2_000_000_000L)))
                .isEqualTo(500.0);
        assertThat(derive(OUTPUT_TOKEN_THROUGHPUT, Map.of(TOTAL_OSL, 750.0, BENCHMARK_DURATION, 1_500_000_000L)))
                .isEqualTo(500.0);
        assertThat(derive(OUTPUT_TOKEN_THROUGHPUT, Map.of(TOTAL_OSL, 750.0, BENCHMARK_DURATION, 0L))).isNull();
    }

    @Test
    void tv12TotalTokenThroughput() {
        assertThat(totalThroughput(600, 400, 2_000_000_000L)).isEqualTo(500.0);
        assertThat(totalThroughput(500, 250, 1_500_000_000L)).isEqualTo(500.0);
        assertThat(totalThroughput(0, 0, 1_000_000_000L)).isEqualTo(0.0);
        assertThat(totalThroughput(50, 50, 100_000_000L)).isEqualTo(1000.0);
    }

    private static Number totalThroughput(double isl, double osl, long durationNs) {
        return derive(TOTAL_TOKEN_THROUGHPUT, Map.of(TOTAL_ISL, isl, TOTAL_OSL, osl, BENCHMARK_DURATION, durationNs));
    }

    @Nested
    class Tv13Goodput {
        private final BenchmarkConfig config = TestConfigs.builder().goodput(Map.of(REQUEST_LATENCY, 250.0)).build();

        @Test
        void goodRequestCountIsInclusive() {
            MetricRecordProcessor processor = new MetricRecordProcessor(
                    ActiveMetrics.forRun(config, TestConfigs.CHAT, MetricsEnvironment.DEFAULTS));
            MetricResultsProcessor results = new MetricResultsProcessor(
                    ActiveMetrics.forRun(config, TestConfigs.CHAT, MetricsEnvironment.DEFAULTS));
            Stream.of(parsed(0, 100_000_000L), parsed(100_000_000L, 400_000_000L), parsed(200_000_000L, 450_000_000L))
                    .map(processor::processRecord).forEach(results::addRecord);

            Map<String, MetricResult> byTag = new HashMap<>();
            results.processResults().forEach(r -> byTag.put(r.tag(), r));
            assertThat(byTag.get(GOOD_REQUEST_COUNT).avg()).isEqualTo(2.0);
            // duration: 0 -> 450 ms
            assertThat(byTag.get(GOODPUT).avg()).isEqualTo(2.0 / (450_000_000L * MetricUnits.factor("ns", "sec")));
        }

        @Test
        void goodputDividesByDurationAndZeroIsZero() {
            assertThat(derive(GOODPUT, Map.of(GOOD_REQUEST_COUNT, 15L, BENCHMARK_DURATION, 1_000_000_000L))).isEqualTo(15.0);
            assertThat(derive(GOODPUT, Map.of(GOOD_REQUEST_COUNT, 0L, BENCHMARK_DURATION, 2_000_000_000L))).isEqualTo(0.0);
        }

        @Test
        void noObjectivesMeansNoGoodRequest() {
            assertThat(GoodputMetrics.isGood(input(Map.of()), GoodputSlos.NONE)).isFalse();
        }
    }

    @Test
    void tv14SloThresholdIsNormalisedToTheBaseUnit() {
        assertThat(250 * MetricUnits.factor("ms", "sec")).isEqualTo(0.25);
        GoodputSlos slos = GoodputSlos.resolve(Map.of(REQUEST_LATENCY, 250.0),
                MetricApplicability.of(STREAMING, TestConfigs.CHAT, MetricsEnvironment.DEFAULTS));
        assertThat(slos.objectives()).containsExactly(new GoodputSlos.Objective(REQUEST_LATENCY, 250_000_000.0, false));
    }

    @Test
    void tv15TokenMetrics() {
        ParsedResponseRecord base = parsed(0, 10);
        assertThat(value(OUTPUT_SEQUENCE_LENGTH, TestRecords.withCounts(base, new TokenCounts(null, 10, 5)))).isEqualTo(15L);
        assertThat(values(TestRecords.withCounts(base, new TokenCounts(null, 0, null))))
                .containsEntry(OUTPUT_SEQUENCE_LENGTH, 0L).doesNotContainKey(OUTPUT_TOKEN_COUNT);
        assertThat(value(INPUT_SEQUENCE_LENGTH, TestRecords.withCounts(base, new TokenCounts(0, 1, null)))).isEqualTo(0L);
        assertThat(values(TestRecords.withCounts(base, new TokenCounts(null, 1, null)))).doesNotContainKey(INPUT_SEQUENCE_LENGTH);

        MetricArray osl = new MetricArray();
        assertThat(osl.sum()).isEqualTo(0.0);
        osl.add(10);
        osl.add(20);
        osl.add(30);
        assertThat(osl.sum()).isEqualTo(60.0);
        assertThat(runValue(TOTAL_OSL, TestRecords.withCounts(parsed(0, 10), new TokenCounts(null, 10, null)),
                TestRecords.withCounts(parsed(0, 10), new TokenCounts(null, 20, null)),
                TestRecords.withCounts(parsed(0, 10), new TokenCounts(null, 30, null)))).isEqualTo(60.0);
    }

    @Test
    void tv16OslMismatchDiff() {
        assertThat(oslDiff(100, 100, null)).isEqualTo(0.0);
        assertThat(oslDiff(100, 50, null)).isEqualTo(-50.0);
        assertThat(oslDiff(100, 120, null)).isEqualTo(20.0);
        assertThat(oslDiff(100, 40, 60)).isEqualTo(0.0);
    }

    private static Object oslDiff(int requested, int output, Integer reasoning) {
        ParsedResponseRecord record = TestRecords.withMaxTokens(
                TestRecords.withCounts(parsed(0, 10), new TokenCounts(null, output, reasoning)), requested);
        return value(OSL_MISMATCH_DIFF_PCT, record);
    }

    @Test
    void tv17OslMismatchCount() {
        assertThat(mismatches(20, 50, 100, 100, 50, 85, 70, 120)).isEqualTo(2);
        assertThat(mismatches(10, 50, 100, 130, 105)).isEqualTo(1);
        assertThat(mismatches(50, 50, 100, 100, 60, 140)).isEqualTo(0);
        assertThat(mismatches(5, 50, 100, 94)).isEqualTo(1);
        assertThat(mismatches(5, 50, 100, 95)).isEqualTo(0);
        assertThat(mismatches(5, 50, 2000, 1949)).as("51 > min(100, 50)").isEqualTo(1);
    }

    private static long mismatches(double pct, long maxTokens, int requested, int... actual) {
        MetricsEnvironment environment = new MetricsEnvironment(false, false, false, 10.0, pct, maxTokens);
        MetricRecordProcessor processor = new MetricRecordProcessor(ActiveMetrics.forRun(STREAMING, TestConfigs.CHAT, environment));
        long count = 0;
        for (int osl : actual) {
            ParsedResponseRecord record = TestRecords.withMaxTokens(
                    TestRecords.withCounts(parsed(0, 10), new TokenCounts(null, osl, null)), requested);
            count += (Long) processor.processRecord(record).values().get(OSL_MISMATCH_COUNT);
        }
        return count;
    }

    @Test
    void tv18UsageDiffs() {
        assertThat(Stream.of(100, 110, 95).map(u -> usageDiff(USAGE_PROMPT_TOKENS_DIFF_PCT, INPUT_SEQUENCE_LENGTH, 100,
                USAGE_PROMPT_TOKENS, u))).containsExactly(0.0, 10.0, 5.0);
        assertThat(Stream.of(50, 55, 48).map(u -> usageDiff(USAGE_COMPLETION_TOKENS_DIFF_PCT, OUTPUT_SEQUENCE_LENGTH, 50,
                USAGE_COMPLETION_TOKENS, u))).containsExactly(0.0, 10.0, 4.0);

        RecordMetric promptDiff = recordMetric(USAGE_PROMPT_TOKENS_DIFF_PCT);
        RecordMetric completionDiff = recordMetric(USAGE_COMPLETION_TOKENS_DIFF_PCT);
        AggregateMetric discrepancy = (AggregateMetric) UsageMetrics.discrepancyCount(10.0);
        long count = 0;
        for (long[] pair : new long[][] {{115, 100, 50, 50}, {100, 100, 60, 50}, {105, 100, 52, 50}}) {
            Map<String, Object> known = new HashMap<>(Map.of(USAGE_PROMPT_TOKENS, pair[0], INPUT_SEQUENCE_LENGTH, pair[1],
                    USAGE_COMPLETION_TOKENS, pair[2], OUTPUT_SEQUENCE_LENGTH, pair[3]));
            known.put(USAGE_PROMPT_TOKENS_DIFF_PCT, promptDiff.function().compute(input(known)));
            known.put(USAGE_COMPLETION_TOKENS_DIFF_PCT, completionDiff.function().compute(input(known)));
            count += discrepancy.contribution().compute(input(known));
        }
        assertThat(count).isEqualTo(2);
    }

    private static Object usageDiff(String diffTag, String countedTag, long counted, String usageTag, long usage) {
        return recordMetric(diffTag).function().compute(input(Map.of(countedTag, counted, usageTag, usage)));
    }

    private static RecordMetric recordMetric(String tag) {
        return MetricCatalog.build(GoodputSlos.NONE, MetricsEnvironment.DEFAULTS).stream()
                .filter(m -> m.tag().equals(tag)).map(RecordMetric.class::cast).findFirst().orElseThrow();
    }

    @Test
    void tv23Units() {
        assertThat(MetricUnits.convert(1_500_000, "ns", "ms")).isEqualTo(1.5);
        assertThat(MetricUnits.convert(1024, "B", "KB")).isEqualTo(1.0);
        MetricResult latency = new MetricResult(REQUEST_LATENCY, "Request Latency", "ns", java.util.Set.of(), 300,
                Map.of(Statistic.AVG, 10.123e6, Statistic.MAX, 20e6, Statistic.P90, 15.5e6, Statistic.P50, 12.3e6), 4)
                .converted("ms", MetricUnits.factor("ns", "ms"));
        assertThat(latency.avg()).isEqualTo(10.123);
        assertThat(latency.get(Statistic.MIN)).isNull();
    }
}
