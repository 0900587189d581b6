package dev.aiperf.metrics;

import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.TokenCounts;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.record.MetricResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.aiperf.metrics.MetricTags.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A record's http_req_* values kept as primitives ({@link RecordValues}) read exactly as the fifteen boxed map
 * entries they replace: same tags, values, order; same statistics.
 */
class RecordValuesTest {
    private static final ActiveMetrics METRICS =
            ActiveMetrics.forRun(TestConfigs.builder().build(), TestConfigs.CHAT, MetricsEnvironment.DEFAULTS);
    private static final MetricRecordProcessor PROCESSOR = new MetricRecordProcessor(METRICS);

    private static ParsedResponseRecord traced(int chunks) {
        return TestRecords.traced(TestRecords.withCounts(TestRecords.parsed(1000, 1040, 1052, 1061, 1075),
                new TokenCounts(100, 8, null)), chunks);
    }

    /** The values as the processor computed them before: each metric's boxed value, in computation order. */
    private static Map<String, Object> oneByOne(ParsedResponseRecord record) {
        Map<String, Object> values = new LinkedHashMap<>();
        RecordInput input = RecordInput.of(record, values);
        for (Metric metric : METRICS.perRecord()) {
            if (metric instanceof RecordMetric m && !m.definition().hasFlag(dev.aiperf.api.record.MetricFlag.ERROR_ONLY)
                    && m.definition().requires().stream().allMatch(values::containsKey)) {
                Object value = m.function().compute(input);
                if (value != null) {
                    values.put(m.tag(), value);
                }
            }
        }
        return values;
    }

    private static List<String> recordTags(Map<String, Object> values) {
        return values.keySet().stream().filter(tag -> METRICS.metric(tag) instanceof RecordMetric).toList();
    }

    @Test
    void aTracedRecordReadsAsOneMapInComputationOrder() {
        ParsedResponseRecord record = traced(3);
        MetricRecord processed = PROCESSOR.processRecord(record);
        assertThat(processed.values()).isInstanceOf(RecordValues.class);
        Map<String, Object> expected = oneByOne(record);
        assertThat(expected).containsKeys(HTTP_REQ_BLOCKED, HTTP_REQ_TOTAL, OUTPUT_TOKEN_COUNT);
        assertThat(recordTags(processed.values())).containsExactlyElementsOf(recordTags(expected));
        assertThat(new ArrayList<>(processed.values().keySet())).containsSubsequence(OUTPUT_TOKEN_COUNT,
                HTTP_REQ_BLOCKED, HTTP_REQ_TOTAL, REQUEST_COUNT);
        expected.forEach((tag, value) -> {
            if (!(value instanceof double[])) {
                assertThat(processed.values().get(tag)).as(tag).isEqualTo(value);
            }
        });
        assertThat(processed.values()).containsEntry(HTTP_REQ_BLOCKED, 10L).containsEntry(HTTP_REQ_WAITING, 20L)
                .containsEntry(HTTP_REQ_CONNECTION_REUSED, 1L).containsEntry(HTTP_REQ_CHUNKS_RECEIVED, 3L)
                .containsEntry(HTTP_REQ_DATA_SENT, 321L).containsEntry(HTTP_REQ_TOTAL, 10L + 5 + 20 + 50);
        assertThat(processed.values().size()).isEqualTo(processed.values().entrySet().size())
                .isEqualTo(new ArrayList<>(processed.values().keySet()).size());
    }

    @Test
    void aValueWithoutItsInputsIsLeftOutAndSoAreTheSumsNeedingIt() {
        Map<String, Object> values = PROCESSOR.processRecord(traced(0)).values();
        assertThat(values).containsKeys(HTTP_REQ_BLOCKED, HTTP_REQ_CONNECTION_OVERHEAD, HTTP_REQ_CHUNKS_RECEIVED)
                .doesNotContainKeys(HTTP_REQ_RECEIVING, HTTP_REQ_WAITING, HTTP_REQ_DURATION, HTTP_REQ_TOTAL);
        assertThat(values.get(HTTP_REQ_WAITING)).isNull();
    }

    @Test
    void untracedAndFailedRecordsHaveNone() {
        assertThat(PROCESSOR.processRecord(TestRecords.parsed(1000, 1040, 1075)).values()).doesNotContainKey(HTTP_REQ_BLOCKED)
                .containsKey(REQUEST_LATENCY);
        ParsedResponseRecord failed = TestRecords.traced(TestRecords.failed(100, 42, new ErrorDetails(500, "x", "y")), 1);
        assertThat(PROCESSOR.processRecord(failed).values()).containsOnlyKeys(ERROR_ISL, ERROR_REQUEST_COUNT);
    }

    @Test
    void theMapIsReadOnly() {
        Map<String, Object> values = PROCESSOR.processRecord(traced(2)).values();
        assertThatThrownBy(() -> values.put(HTTP_REQ_BLOCKED, 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> values.entrySet().iterator().next().setValue(1L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> values.keySet().remove(HTTP_REQ_BLOCKED)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theStatisticsAreThoseOfTheBoxedValues() {
        MetricResultsProcessor primitive = new MetricResultsProcessor(METRICS);
        MetricResultsProcessor boxed = new MetricResultsProcessor(METRICS);
        for (int chunks : new int[]{3, 0, 1, 5}) {
            MetricRecord record = PROCESSOR.processRecord(traced(chunks));
            primitive.addRecord(record);
            boxed.addRecord(new MetricRecord(record.record(), new LinkedHashMap<>(record.values())));
        }
        List<MetricResult> results = primitive.processResults();
        assertThat(results).extracting(MetricResult::tag).contains(HTTP_REQ_RECEIVING, HTTP_REQ_TOTAL);
        assertThat(results).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(boxed.processResults());
    }
}
