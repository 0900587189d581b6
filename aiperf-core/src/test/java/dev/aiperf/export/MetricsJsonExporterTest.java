package dev.aiperf.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.metrics.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** profile_export_aiperf.json (metrics spec §5.2) against the original's TV-E output. */
class MetricsJsonExporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String export(BenchmarkConfig config, ExportContext context, Path file) throws Exception {
        MetricsJsonExporter exporter = new MetricsJsonExporter(config, ZoneOffset.UTC);
        exporter.export(context);
        assertThat(exporter.getExportInfo().filePath()).isEqualTo(file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void tvEKeysComeInTheOriginalsOrder(@TempDir Path dir) throws Exception {
        BenchmarkConfig config = TestConfigs.builder().artifactDir(dir).build();
        String text = export(config, TvEExport.context(config), dir.resolve("profile_export_aiperf.json"));
        List<String> keys = new ArrayList<>();
        JSON.readTree(text).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("schema_version", "aiperf_version", "benchmark_id", "request_throughput",
                "request_latency", "request_count", "time_to_first_token", "time_to_second_token", "inter_token_latency",
                "output_token_throughput", "output_token_throughput_per_user", "output_sequence_length",
                "input_sequence_length", "output_token_count", "inter_chunk_latency", "total_output_tokens",
                "benchmark_duration", "total_isl", "total_osl", "error_request_count", "error_isl", "total_error_isl",
                "telemetry_data", "input_config", "run_info", "was_cancelled", "error_summary", "start_time", "end_time",
                "runtime_submission_invalid_reasons",
                "time_to_first_output_token", "prefill_throughput_per_user", "total_token_throughput");
    }

    @Test
    void tvEValuesAndLayoutMatchTheOriginal(@TempDir Path dir) throws Exception {
        BenchmarkConfig config = TestConfigs.builder().artifactDir(dir).build();
        String text = export(config, TvEExport.context(config), dir.resolve("profile_export_aiperf.json"));
        assertThat(text).startsWith("{\n  \"schema_version\": \"1.5\",\n  \"aiperf_version\": \"0.0.0\",\n"
                + "  \"benchmark_id\": \"4fa2b6dd-1dce-43d8-af16-1132bf9c5ca8\",\n"
                + "  \"request_throughput\": {\n    \"unit\": \"requests/sec\",\n    \"avg\": 22.09944751381215\n  },\n"
                + "  \"request_latency\": {\n    \"unit\": \"ms\",\n    \"avg\": 75.0,\n    \"p1\": 58.239999999999995,\n"
                + "    \"p5\": 59.199999999999996,\n    \"p10\": 60.4,\n    \"p25\": 64.0,\n    \"p50\": 70.5,\n"
                + "    \"p75\": 81.5,\n    \"p90\": 93.2,\n    \"p95\": 97.09999999999998,\n    \"p99\": 100.22,\n"
                + "    \"min\": 58.0,\n    \"max\": 101.0,\n    \"std\": 16.170961628796228,\n"
                + "    \"count\": 4,\n    \"sum\": 300.0\n  },\n"
                + "  \"request_count\": {\n    \"unit\": \"requests\",\n    \"avg\": 4.0\n  },\n");
        assertThat(text).contains("  \"benchmark_duration\": {\n    \"unit\": \"sec\",\n    \"avg\": 0.18100000000000002\n  },\n");
        assertThat(text).contains("  \"error_request_count\": {\n    \"unit\": \"requests\",\n    \"avg\": 1.0\n  },\n");
        assertThat(text).contains("  \"was_cancelled\": false,\n  \"error_summary\": [\n    {\n      \"error_details\": {\n"
                + "        \"code\": 500,\n        \"type\": \"Internal Server Error\",\n"
                + "        \"message\": \"{\\\"error\\\":\\\"boom\\\"}\"\n      },\n      \"count\": 1\n    }\n  ],\n"
                + "  \"start_time\": \"2025-11-07T21:38:54\",\n  \"end_time\": \"2025-11-07T21:38:54.200000\",\n");
        assertThat(text).endsWith("  \"total_token_throughput\": {\n    \"unit\": \"tokens/sec\",\n"
                + "    \"avg\": 2359.116022099447\n  }\n}");
        JsonNode ttfo = JSON.readTree(text).get("time_to_first_output_token");
        assertThat(ttfo.get("p1").asDouble()).isEqualTo(35.15);
        assertThat(ttfo.get("std").asDouble()).isEqualTo(9.354143466934854);
        assertThat(ttfo.get("count").asLong()).as("schema 1.1: count and sum on per-request metrics").isEqualTo(4);
        assertThat(ttfo.get("sum").asDouble()).isEqualTo(180.0);
        JsonNode duration = JSON.readTree(text).get("benchmark_duration");
        assertThat(duration.has("count") || duration.has("sum")).as("scalars keep unit and avg only").isFalse();
    }

    @Test
    void inputConfigCarriesTheRunsSettingsWithTheApiKeyRedacted(@TempDir Path dir) throws Exception {
        BenchmarkConfig config = TestConfigs.builder().artifactDir(dir).apiKey("sk-secret-123")
                .headers(List.of(new KeyValue("Authorization", "Bearer sk-secret-123"), new KeyValue("X-Team", "perf")))
                .commandLine("aiperf profile -m Qwen/Qwen3-0.6B --api-key sk-secret-123 --streaming")
                .goodput(Map.of("request_latency", 250.0)).build();
        String text = export(config, TvEExport.context(config), dir.resolve("profile_export_aiperf.json"));
        assertThat(text).doesNotContain("sk-secret-123");
        JsonNode input = JSON.readTree(text).get("input_config");
        assertThat(input.at("/endpoint/model_names/0").asText()).isEqualTo("Qwen/Qwen3-0.6B");
        assertThat(input.at("/endpoint/type").asText()).isEqualTo("chat");
        assertThat(input.at("/endpoint/streaming").asBoolean()).isTrue();
        assertThat(input.at("/endpoint/urls/0").asText()).isEqualTo("localhost:8000");
        assertThat(input.at("/endpoint/api_key").asText()).isEqualTo("<redacted>");
        assertThat(input.at("/input/headers").toString()).isEqualTo("[[\"Authorization\",\"<redacted>\"],[\"X-Team\",\"perf\"]]");
        assertThat(input.at("/input/goodput/request_latency").asDouble()).isEqualTo(250.0);
        assertThat(input.at("/loadgen/concurrency").asInt()).isEqualTo(2);
        assertThat(input.at("/loadgen/arrival_pattern").asText()).isEqualTo("concurrency_burst");
        assertThat(input.at("/loadgen/request_count").asInt()).isEqualTo(5);
        assertThat(input.at("/output/artifact_directory").asText()).isEqualTo(dir.toString());
        assertThat(input.at("/cli_command").asText()).isEqualTo("aiperf profile -m Qwen/Qwen3-0.6B --api-key <redacted> --streaming");
        assertThat(input.at("/benchmark_id").asText()).isEqualTo(TvEExport.BENCHMARK_ID);
        assertThat(input.has("loadgen") && !input.get("loadgen").has("request_rate")).as("nulls are omitted").isTrue();
    }

    @Test
    void anEmptyRunWritesNothing(@TempDir Path dir) throws Exception {
        BenchmarkConfig config = TestConfigs.builder().artifactDir(dir).build();
        new MetricsJsonExporter(new ExporterContext(config)).export(new ExportContext(config, TestConfigs.CHAT, List.of(), List.of(), 0, 0,
                "id", "0.0.0", false));
        assertThat(dir.resolve("profile_export_aiperf.json")).doesNotExist();
    }

    @Test
    void cancellationIsRecorded(@TempDir Path dir) throws Exception {
        BenchmarkConfig config = TestConfigs.builder().artifactDir(dir).build();
        ExportContext tvE = TvEExport.context(config);
        ExportContext cancelled = new ExportContext(config, tvE.endpointMetadata(), tvE.results(), List.of(),
                tvE.startWallNs(), tvE.endWallNs(), tvE.benchmarkId(), tvE.aiperfVersion(), true);
        String text = export(config, cancelled, dir.resolve("profile_export_aiperf.json"));
        assertThat(text).contains("\"was_cancelled\": true,\n  \"error_summary\": [],\n");
    }
}
