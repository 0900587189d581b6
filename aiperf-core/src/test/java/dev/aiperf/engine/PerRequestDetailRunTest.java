package dev.aiperf.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-request detail end to end, against the real mock server over loopback: HTTP trace metrics and
 * trace_data, the raw export (warm-up included, credentials redacted), time slices, the run's log, the
 * summary at schema 1.5 with warm-up metrics, and the prompt-cache usage metrics the mock reports.
 */
class PerRequestDetailRunTest extends RunAgainstMockServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY = "sk-detail-secret-4242";

    private TestConfigs against() {
        return against(MockServerConfig.builder().ttftMs(2).itlMs(1));
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void everyDetailFileOfARawTracedSlicedRun() throws IOException {
        TestConfigs config = against();
        config.exportLevel = "raw";
        config.exportHttpTrace = true;
        config.sliceDurationSeconds = 0.05;
        config.warmupCount = 4;
        config.apiKey = API_KEY;
        config.headers = List.of(new KeyValue("X-Api-Token", "tok-" + API_KEY), new KeyValue("X-Team", "perf"));
        config.numPrefixPrompts = 1;
        config.prefixPromptLength = 64;
        // the mock ends a stream with its usage only when asked to, as OpenAI does
        config.extraInputs.add(new KeyValue("stream_options", Map.of("include_usage", true)));
        BenchmarkOutcome outcome = run(config);
        assertThat(outcome.hasResults()).isTrue();
        Path artifacts = dir.resolve("artifacts");

        // profile_export.jsonl: http_req_* per request, trace_data in the original's field names
        List<JsonNode> records = lines(artifacts.resolve("profile_export.jsonl"));
        assertThat(records).hasSize(20);
        for (JsonNode record : records) {
            JsonNode metrics = record.get("metrics");
            assertThat(metrics.at("/http_req_waiting/unit").asText()).isEqualTo("ms");
            assertThat(metrics.at("/http_req_waiting/value").asDouble()).isPositive();
            assertThat(metrics.at("/http_req_total/value").asDouble()).isPositive();
            assertThat(metrics.at("/http_req_chunks_received/value").asLong()).isPositive();
            assertThat(metrics.at("/http_req_data_sent/unit").asText()).isEqualTo("KB");
            JsonNode trace = record.get("trace_data");
            assertThat(trace.get("trace_type").asText()).isEqualTo("netty-http1");
            long sendStart = trace.get("request_send_start_ns").asLong();
            long sendEnd = trace.get("request_send_end_ns").asLong();
            long receiveStart = trace.get("response_receive_start_ns").asLong();
            long receiveEnd = trace.get("response_receive_end_ns").asLong();
            assertThat(sendStart).isEqualTo(record.at("/metadata/request_start_ns").asLong());
            assertThat(sendEnd).isBetween(sendStart, receiveStart);
            assertThat(receiveEnd).isGreaterThanOrEqualTo(receiveStart);
            assertThat(trace.get("response_headers_received_ns").asLong()).isBetween(sendEnd, receiveStart);
            assertThat(trace.get("response_chunks").size()).isEqualTo(trace.get("response_chunks_count").asInt());
            assertThat(trace.get("response_status_code").asInt()).isEqualTo(200);
            assertThat(trace.at("/response_headers/content-type").asText()).startsWith("text/event-stream");
            assertThat(trace.at("/request_headers/Authorization").asText()).isEqualTo("<redacted>");
            assertThat(trace.at("/request_headers/X-Api-Token").asText()).isEqualTo("<redacted>");
            assertThat(trace.at("/request_headers/X-Team").asText()).isEqualTo("perf");
            assertThat(trace.get("waiting_ns").asLong()).isEqualTo(receiveStart - sendEnd);
            assertThat(trace.get("duration_ns").asLong()).isEqualTo(receiveEnd - sendStart);
            assertThat(trace.get("remote_ip").asText()).isEqualTo("127.0.0.1");
            assertThat(trace.get("remote_port").asInt()).isEqualTo(server.port());
        }
        // preconnected pooled connections: every profiling request reuses one
        assertThat(records).allSatisfy(r -> assertThat(r.at("/metrics/http_req_connection_reused/value").asLong())
                .isEqualTo(1));

        // profile_export_raw.jsonl: warm-up and profiling, payload as sent, headers redacted, SSE packets
        List<JsonNode> raw = lines(artifacts.resolve("profile_export_raw.jsonl"));
        assertThat(raw).hasSize(24);
        assertThat(raw.stream().filter(r -> r.at("/metadata/benchmark_phase").asText().equals("warmup"))).hasSize(4);
        JsonNode first = raw.getFirst();
        assertThat(first.get("start_perf_ns").asLong()).isPositive();
        assertThat(first.at("/payload/model").asText()).isEqualTo("mock-model");
        assertThat(first.at("/payload/messages/0/role").asText()).isEqualTo("user");
        assertThat(first.at("/request_headers/Authorization").asText()).isEqualTo("<redacted>");
        assertThat(first.get("status").asInt()).isEqualTo(200);
        JsonNode packet = first.at("/responses/0/packets/0");
        assertThat(packet.get("name").asText()).isEqualTo("data");
        assertThat(packet.get("value").asText()).contains("chat.completion.chunk");
        assertThat(first.at("/responses/0/perf_ns").asLong()).isGreaterThan(first.get("start_perf_ns").asLong());
        assertThat(raw.getLast().at("/responses").findValuesAsText("value")).contains("[DONE]");

        // timeslices: epoch-aligned slices, renumbered from 0
        JsonNode slices = JSON.readTree(artifacts.resolve("profile_export_aiperf_timeslices.json").toFile());
        assertThat(slices.get("timeslices").size()).isPositive();
        for (int i = 0; i < slices.get("timeslices").size(); i++) {
            assertThat(slices.get("timeslices").get(i).get("timeslice_index").asInt()).isEqualTo(i);
        }
        long perSlice = 0;
        for (JsonNode slice : slices.get("timeslices")) {
            perSlice += (long) slice.at("/request_count/avg").asDouble();
        }
        assertThat(perSlice).as("every request in exactly one slice").isEqualTo(20);
        assertThat(slices.at("/input_config/output/slice_duration").asDouble()).isEqualTo(0.05);
        List<String> csv = Files.readAllLines(artifacts.resolve("profile_export_aiperf_timeslices.csv"));
        assertThat(csv.getFirst()).isEqualTo("Timeslice,Metric,Unit,Stat,Value");
        assertThat(csv).contains("0,Request Count,requests,avg," + csvCount(slices, 0));
        assertThat(Files.readString(artifacts.resolve("profile_export_aiperf_timeslices.csv"))).contains("\r\n");

        // the summary: schema 1.5, warm-up metrics from the 4 warm-up requests only
        JsonNode summary = JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile());
        assertThat(summary.get("schema_version").asText()).isEqualTo("1.5");
        assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(20.0);
        assertThat(summary.at("/warmup_metrics/request_count/avg").asDouble()).isEqualTo(4.0);
        assertThat(summary.at("/warmup_metrics/request_latency/count").asLong()).isEqualTo(4);
        assertThat(summary.at("/http_req_waiting/count").asLong()).isEqualTo(20);
        assertThat(summary.at("/telemetry_data/endpoints").size()).isZero();
        assertThat(summary.at("/run_info/random_seed").asLong()).isEqualTo(7);
        // a shared 64-token prefix: after the first requests, the mock's prefix cache serves it
        assertThat(summary.at("/usage_prompt_cache_read_tokens/max").asDouble()).isGreaterThanOrEqualTo(48.0);
        assertThat(summary.at("/total_usage_prompt_cache_read_tokens/avg").asDouble()).isPositive();
        assertThat(summary.at("/overall_usage_prompt_cache_read_pct/avg").asDouble()).isBetween(1.0, 100.0);
        assertThat(Files.readString(artifacts.resolve("profile_export_aiperf.csv")))
                .contains("\r\nHTTP Waiting (TTFB) (ms),").contains("\r\nUsage Prompt Cache Read Tokens (tokens),");

        // the run's log
        Path log = artifacts.resolve("logs/aiperf.log");
        String logText = Files.readString(log);
        assertThat(logText).contains("INFO    phase warmup started").contains("INFO    phase profiling ended")
                .contains("JSON Export: ");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Log File: " + log.toAbsolutePath());

        // no credential in any file of the run
        try (var files = Files.walk(artifacts)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(API_KEY);
            }
        }
    }

    private static String csvCount(JsonNode slices, int index) {
        return String.format("%.2f", slices.get("timeslices").get(index).at("/request_count/avg").asDouble());
    }

    @Test
    void http2TracesEveryStreamAndRecordsLevelWritesNoRawFile() throws IOException {
        TestConfigs config = against();
        config.transport = "http2";
        config.exportHttpTrace = true;
        config.concurrency = 4;
        BenchmarkOutcome outcome = run(config);
        assertThat(outcome.hasResults()).isTrue();
        Path artifacts = dir.resolve("artifacts");
        for (JsonNode record : lines(artifacts.resolve("profile_export.jsonl"))) {
            JsonNode trace = record.get("trace_data");
            assertThat(trace.get("trace_type").asText()).isEqualTo("netty-http2");
            assertThat(trace.get("waiting_ns").asLong()).isPositive();
            assertThat(trace.get("response_chunks_count").asInt()).isPositive();
            assertThat(trace.at("/response_headers/:status").asText()).isEqualTo("200");
        }
        assertThat(artifacts.resolve("profile_export_raw.jsonl")).doesNotExist();
        assertThat(artifacts.resolve("profile_export_aiperf_timeslices.json")).doesNotExist();
        JsonNode summary = JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile());
        assertThat(summary.has("warmup_metrics")).as("no warm-up, no warmup_metrics").isFalse();
        assertThat(summary.at("/http_req_sending/count").asLong()).isEqualTo(20);
    }

    @Test
    void withoutExportHttpTraceTheMetricsStayAndTraceDataGoes() throws IOException {
        BenchmarkOutcome outcome = run(against());
        for (JsonNode record : lines(outcome.recordsFile())) {
            assertThat(record.has("trace_data")).isFalse();
            assertThat(record.at("/metrics/http_req_duration/value").asDouble()).isPositive();
        }
    }
}
