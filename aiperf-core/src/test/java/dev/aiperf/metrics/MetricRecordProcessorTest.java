package dev.aiperf.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.TokenCounts;
import dev.aiperf.api.record.MetricFlag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.aiperf.metrics.MetricTags.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-request pass: validity gate, value types, usage fields, inconsistent data. */
class MetricRecordProcessorTest {
    private static final MetricRecordProcessor STREAMING = new MetricRecordProcessor(
            ActiveMetrics.forRun(TestConfigs.builder().build(), TestConfigs.CHAT, MetricsEnvironment.DEFAULTS));

    @Test
    void failedRecordsGetOnlyErrorOnlyMetrics() {
        ParsedResponseRecord failed = TestRecords.failed(100, 42, new ErrorDetails(500, "Internal Server Error", "boom"));
        Map<String, Object> values = STREAMING.processRecord(failed).values();
        assertThat(values).containsOnlyKeys(ERROR_ISL, ERROR_REQUEST_COUNT);
        values.keySet().forEach(tag -> assertThat(MetricCatalog.definition(tag).orElseThrow().hasFlag(MetricFlag.ERROR_ONLY)).isTrue());
    }

    @Test
    void successfulRecordsGetNoErrorOnlyMetrics() {
        Map<String, Object> values = STREAMING.processRecord(
                TestRecords.withCounts(TestRecords.parsed(0, 10, 20), new TokenCounts(5, 2, null))).values();
        values.keySet().forEach(tag -> assertThat(MetricCatalog.definition(tag).orElseThrow().hasFlag(MetricFlag.ERROR_ONLY))
                .as(tag).isFalse());
        assertThat(values.get(REQUEST_LATENCY)).isInstanceOf(Long.class);
        assertThat(values.get(INTER_TOKEN_LATENCY)).isInstanceOf(Double.class);
        assertThat(values.get(INTER_CHUNK_LATENCY)).isInstanceOf(double[].class);
    }

    @Test
    void usageIsReadFromTheLastResponseCarryingEachField() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode early = (ObjectNode) json.readTree("{\"prompt_tokens\":99,\"completion_tokens\":1}");
        ObjectNode last = (ObjectNode) json.readTree("{\"input_tokens\":12,\"output_tokens\":7,\"total_tokens\":19,"
                + "\"output_tokens_details\":{\"reasoning_tokens\":3}}");
        ParsedResponseRecord record = TestRecords.withResponses(0, List.of(
                new ParsedResponse(10, new ResponseData.Text("a"), early),
                new ParsedResponse(20, new ResponseData.Text("b"), null),
                new ParsedResponse(30, null, last)), new TokenCounts(10, 4, 3));
        Map<String, Object> values = STREAMING.processRecord(record).values();
        assertThat(values).containsEntry(USAGE_PROMPT_TOKENS, 12L).containsEntry(USAGE_COMPLETION_TOKENS, 7L)
                .containsEntry(USAGE_TOTAL_TOKENS, 19L).containsEntry(USAGE_REASONING_TOKENS, 3L)
                .containsEntry(USAGE_PROMPT_TOKENS_DIFF_PCT, 20.0).containsEntry(USAGE_COMPLETION_TOKENS_DIFF_PCT, 0.0)
                .containsEntry(USAGE_REASONING_TOKENS_DIFF_PCT, 0.0).containsEntry(USAGE_DISCREPANCY_COUNT, 1L);
        assertThat(values.get(REQUEST_LATENCY)).as("the usage-only chunk is not content").isEqualTo(20L);
    }

    @Test
    void negativeLatenciesAreSkippedNotFatal() {
        ParsedResponseRecord backwards = TestRecords.withResponses(100, List.of(
                new ParsedResponse(150, new ResponseData.Text("a"), null),
                new ParsedResponse(120, new ResponseData.Text("b"), null)), new TokenCounts(null, 2, null));
        Map<String, Object> values = STREAMING.processRecord(backwards).values();
        assertThat(values).doesNotContainKeys(TIME_TO_SECOND_TOKEN, INTER_CHUNK_LATENCY)
                .containsEntry(TIME_TO_FIRST_TOKEN, 50L).containsEntry(REQUEST_LATENCY, 20L);
    }

    @Test
    void outputLengthIncludesReasoning() {
        Map<String, Object> values = STREAMING.processRecord(
                TestRecords.withCounts(TestRecords.parsed(0, 10, 20, 30), new TokenCounts(1, 4, 6))).values();
        assertThat(values).containsEntry(OUTPUT_SEQUENCE_LENGTH, 10L).containsEntry(OUTPUT_TOKEN_COUNT, 4L)
                .containsEntry(REASONING_TOKEN_COUNT, 6L);
        assertThat(values.get(INTER_TOKEN_LATENCY)).isEqualTo((30.0 - 10.0) / 9);
    }
}
