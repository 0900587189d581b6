package dev.aiperf.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.TokenCounts;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.metrics.ActiveMetrics;
import dev.aiperf.metrics.MetricRecordProcessor;
import dev.aiperf.metrics.MetricsEnvironment;
import dev.aiperf.metrics.TestConfigs;
import dev.aiperf.metrics.TestRecords;
import dev.aiperf.metrics.TvE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** profile_export.jsonl (metrics spec §5.4) against the original's TV-E lines. */
class RecordsJsonlWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORD_0_METADATA = "{\"metadata\":{\"session_num\":0,\"x_request_id\":\"req-0\","
            + "\"x_correlation_id\":\"corr-0\",\"conversation_id\":\"conv-0\",\"turn_index\":0,"
            + "\"credit_issued_ns\":1762551533999999000,\"request_start_ns\":1762551534000000000,"
            + "\"request_ack_ns\":1762551534020000000,\"request_end_ns\":1762551534075000000,\"worker_id\":\"worker_1\","
            + "\"record_processor_id\":\"record_processor_1\",\"benchmark_phase\":\"profiling\",\"was_cancelled\":false},"
            + "\"metrics\":{";
    private static final String RECORD_0_METRICS = "{\"time_to_first_output_token\":{\"value\":40.0,\"unit\":\"ms\"},"
            + "\"request_latency\":{\"value\":75.0,\"unit\":\"ms\"},\"time_to_second_token\":{\"value\":12.0,\"unit\":\"ms\"},"
            + "\"input_sequence_length\":{\"value\":100,\"unit\":\"tokens\"},\"output_token_count\":{\"value\":8,\"unit\":\"tokens\"},"
            + "\"output_sequence_length\":{\"value\":8,\"unit\":\"tokens\"},\"time_to_first_token\":{\"value\":40.0,\"unit\":\"ms\"},"
            + "\"inter_chunk_latency\":{\"value\":[12.0,9.0,14.0],\"unit\":\"ms\"},\"inter_token_latency\":{\"value\":5.0,\"unit\":\"ms\"},"
            + "\"prefill_throughput_per_user\":{\"value\":2500.0,\"unit\":\"tokens/sec/user\"},"
            + "\"output_token_throughput_per_user\":{\"value\":200.0,\"unit\":\"tokens/sec/user\"}}";
    private static final String RECORD_4 = "{\"metadata\":{\"session_num\":4,\"x_request_id\":\"req-4\","
            + "\"x_correlation_id\":\"corr-4\",\"conversation_id\":\"conv-4\",\"turn_index\":0,"
            + "\"credit_issued_ns\":1762551534099999000,\"request_start_ns\":1762551534100000000,"
            + "\"request_end_ns\":1762551534103000000,\"worker_id\":\"worker_1\",\"record_processor_id\":\"record_processor_1\","
            + "\"benchmark_phase\":\"profiling\",\"was_cancelled\":false},\"metrics\":{\"error_isl\":{\"value\":90,\"unit\":\"tokens\"}},"
            + "\"error\":{\"code\":500,\"type\":\"Internal Server Error\",\"message\":\"{\\\"error\\\":\\\"boom\\\"}\"}}";

    @Test
    void eachRecordIsOnDiskAsSoonAsItIsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out").resolve("profile_export.jsonl");
        List<MetricRecord> records = TvE.metricRecords(TvE.config());
        try (RecordsJsonlWriter writer = new RecordsJsonlWriter(file, MetricsEnvironment.DEFAULTS, "record_processor_1")) {
            for (int i = 0; i < records.size(); i++) {
                writer.write(records.get(i), "worker_1");
                // read through a separate handle while the writer stays open
                assertThat(Files.readAllLines(file)).hasSize(i + 1);
            }
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.get(0)).startsWith(RECORD_0_METADATA);
            JsonNode metrics = JSON.readTree(lines.get(0)).get("metrics");
            // same members and the same int/float identity; the order is ours (dependency order)
            assertThat(metrics).isEqualTo(JSON.readTree(RECORD_0_METRICS));
            assertThat(lines.get(4)).isEqualTo(RECORD_4);
            assertThat(writer.linesWritten()).isEqualTo(5);
        }
        assertThat(Files.readString(file)).endsWith("}\n");
    }

    @Test
    void linesFormattedApartAreAppendedInOrderAndReachTheFileOnFlush(@TempDir Path dir) throws Exception {
        List<MetricRecord> records = TvE.metricRecords(TvE.config());
        Path written = dir.resolve("written.jsonl");
        try (RecordsJsonlWriter writer = new RecordsJsonlWriter(written, MetricsEnvironment.DEFAULTS, "record_processor_1")) {
            for (MetricRecord record : records) {
                writer.write(record, "worker_1");
            }
        }
        Path appended = dir.resolve("appended.jsonl");
        try (RecordsJsonlWriter writer = new RecordsJsonlWriter(appended, MetricsEnvironment.DEFAULTS, "record_processor_1")) {
            for (MetricRecord record : records) {
                writer.append(writer.line(record, "worker_1"));
            }
            writer.flush();
            assertThat(Files.readAllLines(appended)).hasSize(records.size());
            assertThat(writer.linesWritten()).isEqualTo(records.size());
        }
        assertThat(Files.readString(appended)).isEqualTo(Files.readString(written));
        assertThat(Files.readAllLines(appended).get(4)).isEqualTo(RECORD_4);
        try (RecordsJsonlWriter writer = new RecordsJsonlWriter(dir.resolve("x.jsonl"), MetricsEnvironment.DEFAULTS, "rp")) {
            assertThat(writer.line(warmup(), "w")).as("warm-up records have no line").isNull();
        }
    }

    @Test
    void noLinesMeansNoFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile_export.jsonl");
        try (RecordsJsonlWriter writer = new RecordsJsonlWriter(file, MetricsEnvironment.DEFAULTS, "rp")) {
            assertThat(file).exists();
            writer.write(warmup(), "w");
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aNullValueFromAPluginProcessorLeavesOutItsValueAndAListIsWrittenInItsDisplayUnit(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("profile_export.jsonl");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("output_sequence_length", null);
        values.put("my_plugin_metric", null);
        values.put("my_plugin_score", 0.5);
        values.put("inter_chunk_latency", new double[]{1_500_000, 2_000_000});
        values.put("request_latency", null);
        try (RecordsJsonlWriter writer = new RecordsJsonlWriter(file, MetricsEnvironment.DEFAULTS, "rp")) {
            writer.write(new MetricRecord(TestRecords.parsed(1, 2), values), "w");
        }
        String line = Files.readAllLines(file).getFirst();
        assertThat(line.substring(line.indexOf("\"metrics\":"))).isEqualTo("\"metrics\":{"
                + "\"output_sequence_length\":{\"unit\":\"tokens\"},\"my_plugin_metric\":{},"
                + "\"my_plugin_score\":{\"value\":0.5},\"inter_chunk_latency\":{\"value\":[1.5,2.0],\"unit\":\"ms\"},"
                + "\"request_latency\":{\"unit\":\"ms\"}}}");
    }

    @Test
    void goodRequestCountIsWrittenPerRecordButRequestCountIsNot(@TempDir Path dir) throws Exception {
        BenchmarkConfig config = TestConfigs.builder().goodput(Map.of("request_latency", 100.0)).build();
        Path file = dir.resolve("profile_export.jsonl");
        try (RecordsJsonlWriter writer = new RecordsJsonlWriter(file, MetricsEnvironment.DEFAULTS, "rp")) {
            writer.write(TvE.metricRecords(config).get(0), null);
        }
        JsonNode metrics = JSON.readTree(Files.readAllLines(file).get(0)).get("metrics");
        assertThat(metrics.get("good_request_count").toString()).isEqualTo("{\"value\":1,\"unit\":\"requests\"}");
        assertThat(metrics.has("request_count")).isFalse();
        assertThat(metrics.has("min_request_timestamp")).isFalse();
        assertThat(metrics.has("credit_drop_latency")).as("internal").isFalse();
        assertThat(JSON.readTree(Files.readAllLines(file).get(0)).at("/metadata").has("worker_id")).isFalse();
    }

    @Test
    void httpReqValuesKeptAsPrimitivesWriteTheLineTheirBoxedValuesWrite(@TempDir Path dir) throws Exception {
        BenchmarkConfig config = TestConfigs.builder().goodput(Map.of("http_req_waiting", 1.0)).build();
        MetricRecordProcessor processor = new MetricRecordProcessor(
                ActiveMetrics.forRun(config, TestConfigs.CHAT, MetricsEnvironment.DEFAULTS));
        try (RecordsJsonlWriter writer = new RecordsJsonlWriter(dir.resolve("a.jsonl"), MetricsEnvironment.DEFAULTS,
                "rp")) {
            for (int chunks : new int[]{4, 1, 0}) {
                ParsedResponseRecord record = TestRecords.traced(TestRecords.withCounts(
                        TestRecords.parsed(1_000_000, 1_040_000, 1_052_000, 1_075_000), new TokenCounts(100, 8, null)),
                        chunks);
                MetricRecord primitive = processor.processRecord(record);
                MetricRecord boxed = new MetricRecord(record, new LinkedHashMap<>(primitive.values()));
                String line = writer.line(primitive, "worker_1");
                assertThat(line).isEqualTo(writer.line(boxed, "worker_1"));
                JsonNode metrics = JSON.readTree(line).get("metrics");
                assertThat(metrics.get("http_req_connection_reused").toString()).isEqualTo("{\"value\":1,\"unit\":\"ratio\"}");
                assertThat(metrics.get("http_req_data_sent").toString()).isEqualTo("{\"value\":0.3134765625,\"unit\":\"KB\"}");
                assertThat(metrics.get("http_req_chunks_received").toString())
                        .isEqualTo("{\"value\":" + chunks + ",\"unit\":\"count\"}");
                assertThat(metrics.has("http_req_waiting")).isEqualTo(chunks > 0);
                assertThat(metrics.has("good_request_count")).as("goodput reads an http_req_* value").isEqualTo(chunks > 0);
            }
        }
    }

    @Test
    void devModeShowsInternalMetrics(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile_export.jsonl");
        MetricsEnvironment dev = MetricsEnvironment.from(Map.of("AIPERF_DEV_MODE", "1", "AIPERF_DEV_SHOW_INTERNAL_METRICS", "1"));
        try (RecordsJsonlWriter writer = new RecordsJsonlWriter(file, dev, "rp")) {
            writer.write(TvE.metricRecords(TvE.config()).get(0), "w");
        }
        assertThat(JSON.readTree(Files.readAllLines(file).get(0)).at("/metrics/credit_drop_latency").toString())
                .isEqualTo("{\"value\":0.001,\"unit\":\"ms\"}");
    }

    @Test
    void cancelledRequestsCarryTheirCancellationTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile_export.jsonl");
        ParsedResponseRecord base = TestRecords.parsed(1_000, 2_000);
        RequestRecord r = base.request();
        RequestRecord cancelled = new RequestRecord(r.requestInfo(), r.model(), 5_000_000, 0, r.startPerfNs(), null,
                1_600L, 0, List.of(), new dev.aiperf.api.model.ErrorDetails(499, "RequestCancellationError",
                "Request cancelled 0.500s after being sent"), 1_500L);
        try (RecordsJsonlWriter writer = new RecordsJsonlWriter(file, MetricsEnvironment.DEFAULTS, "rp")) {
            writer.write(new MetricRecord(new ParsedResponseRecord(cancelled, List.of(), base.tokenCounts()), Map.of()), "w");
        }
        JsonNode line = JSON.readTree(Files.readAllLines(file).get(0));
        assertThat(line.at("/metadata/was_cancelled").asBoolean()).isTrue();
        assertThat(line.at("/metadata/cancellation_time_ns").asLong()).isEqualTo(5_000_500L);
        assertThat(line.at("/metadata/request_end_ns").asLong()).isEqualTo(5_000_600L);
        assertThat(line.get("metrics").isEmpty()).isTrue();
        assertThat(line.at("/error/code").asInt()).isEqualTo(499);
    }

    @Test
    void successfulRecordsWithoutMetricsAreSkippedAndClosedWritersRefuse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile_export.jsonl");
        RecordsJsonlWriter writer = new RecordsJsonlWriter(file, MetricsEnvironment.DEFAULTS, "rp");
        writer.write(new MetricRecord(TestRecords.parsed(1, 2), Map.of("request_count", 1L)), "w");
        assertThat(writer.linesWritten()).isZero();
        writer.close();
        assertThatThrownBy(() -> writer.write(TvE.metricRecords(TvE.config()).get(0), "w")).hasMessageContaining("closed");
    }

    @Test
    void theExportLevelDecidesWhetherTheFileIsWritten(@TempDir Path dir) throws Exception {
        assertThat(RecordsJsonlWriter.forRun(TestConfigs.builder().artifactDir(dir).exportLevel("summary").build())).isEmpty();
        try (RecordsJsonlWriter writer = RecordsJsonlWriter.forRun(
                TestConfigs.builder().artifactDir(dir).exportLevel("records").build()).orElseThrow()) {
            assertThat(writer.file()).isEqualTo(dir.resolve("profile_export.jsonl"));
        }
    }

    private static MetricRecord warmup() {
        ParsedResponseRecord base = TestRecords.parsed(1, 2);
        RequestRecord r = base.request();
        RequestRecord warm = new RequestRecord(TestRecords.info(1, null, CreditPhase.WARMUP), r.model(), r.timestampNs(),
                0, r.startPerfNs(), null, r.endPerfNs(), 200, r.responses(), null, null);
        return new MetricRecord(new ParsedResponseRecord(warm, base.responses(), base.tokenCounts()),
                Map.of("request_latency", 1L));
    }
}
