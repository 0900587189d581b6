package dev.aiperf.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.TelemetryConfig;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.telemetry.GpuSummary;
import dev.aiperf.api.telemetry.GpuTelemetryResults;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.testkit.ClosedPort;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Server metrics and GPU telemetry collected beside a real run against the mock server over loopback. */
class ServerTelemetryRunTest extends RunAgainstMockServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 20 streamed requests of 40 tokens, 5 ms apart, 4 at a time: about a second of real load. */
    private TestConfigs load() {
        TestConfigs config = against(MockServerConfig.builder().ttftMs(20).itlMs(5));
        config.osl = 40;
        return config;
    }

    @Test
    void scrapesTheServersMetricsAndGpusBesideTheRunAndExportsThem() throws IOException {
        TestConfigs load = load();
        String dcgm1 = server.baseUrl() + "/dcgm1/metrics";
        String dcgm2 = server.baseUrl() + "/dcgm2/metrics";
        String dead;
        String deadGpu;
        BenchmarkOutcome outcome;
        try (ClosedPort down = ClosedPort.open(); ClosedPort downGpu = ClosedPort.open()) {
            dead = down.url() + "/metrics";
            deadGpu = downGpu.url() + "/dcgm/metrics";
            BenchmarkConfig config = load.build().withTelemetry(new TelemetryConfig(true, List.of(dead),
                    List.of("json", "csv", "jsonl"), 0.05, true, true, "dcgm", List.of(dcgm1, dcgm2, deadGpu), 0.05));
            outcome = run(config);
        }

        assertThat(outcome.profiling().completed()).isEqualTo(20);
        assertThat(outcome.exportErrors()).isEmpty();
        // The unreachable endpoint: one warning line, the run went on.
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertThat(warnings.lines().filter(l -> l.contains(dead))).hasSize(1);
        assertThat(outcome.exports()).extracting(e -> e.filePath().getFileName().toString())
                .contains("server_metrics_export.json", "server_metrics_export.csv");

        Path artifacts = dir.resolve("artifacts");
        JsonNode export = JSON.readTree(artifacts.resolve("server_metrics_export.json").toFile());
        String metricsUrl = server.baseUrl() + "/metrics";
        assertThat(export.at("/summary/endpoints_configured")).extracting(JsonNode::asText)
                .containsExactly(metricsUrl, dead);
        assertThat(export.at("/summary/endpoints_successful")).extracting(JsonNode::asText).containsExactly(metricsUrl);
        assertThat(export.at("/summary/endpoint_info").get(metricsUrl).get("total_fetches").asInt()).isGreaterThan(3);
        JsonNode metrics = export.get("metrics");
        // Every request finished during the window, and the server counted each once.
        double finished = 0;
        for (JsonNode series : metrics.at("/vllm:request_success_total/series")) {
            finished += series.at("/stats/total").asDouble();
        }
        assertThat(finished).isEqualTo(20.0);
        assertThat(metrics.at("/vllm:time_to_first_token_seconds/type").asText()).isEqualTo("histogram");
        JsonNode ttft = metrics.at("/vllm:time_to_first_token_seconds/series/0/stats");
        assertThat(ttft.get("count").asLong()).isEqualTo(20);
        assertThat(ttft.get("p50_estimate").asDouble()).isBetween(0.01, 0.5);
        assertThat(metrics.at("/vllm:generation_tokens_total/series/0/stats/total").asDouble()).isGreaterThan(0);
        // The gauge moved with the load: up to the concurrency, never above it.
        JsonNode running = metrics.at("/vllm:num_requests_running/series/0/stats");
        assertThat(running.get("max").asDouble()).isBetween(1.0, 4.0);
        assertThat(metrics.at("/vllm:num_requests_running/series/0/labels/model_name").asText()).isEqualTo("mock-model");

        String csv = Files.readString(artifacts.resolve("server_metrics_export.csv"));
        assertThat(csv).startsWith("# AIPerf Server Metrics Export (CSV)\n")
                .contains("Endpoint,Type,Metric,Unit,avg,min,max,std,p1,p5,p10,p25,p50,p75,p90,p95,p99,engine,"
                        + "model_name,Description\r\n")
                .contains(",counter,vllm:generation_tokens_total,tokens,")
                .contains("Endpoint,Metric,Key,Value,Description\r\n");
        List<String> scrapes = Files.readAllLines(artifacts.resolve("server_metrics_export.jsonl"));
        assertThat(scrapes).hasSizeGreaterThan(3);
        JsonNode firstScrape = JSON.readTree(scrapes.getFirst());
        assertThat(firstScrape.get("endpoint_url").asText()).isEqualTo(metricsUrl);
        assertThat(firstScrape.at("/metrics/vllm:num_requests_running/0/value").isNumber()).isTrue();

        // GPU telemetry: two DCGM pages of two GPUs each, their power up with the load, energy counted.
        GpuTelemetryResults gpus = outcome.context().gpuTelemetry();
        assertThat(gpus.gpus()).hasSize(4);
        GpuSummary gpu = gpus.gpus().getFirst();
        assertThat(gpu.gpuName()).isEqualTo("NVIDIA H200");
        assertThat(gpu.platform()).isEqualTo("nvidia");
        assertThat(gpu.endpoint()).isEqualTo(server.baseUrl().substring("http://".length()));
        MetricResult power = gpu.metrics().stream().filter(m -> m.tag().equals("nvidia_power_usage")).findFirst()
                .orElseThrow();
        assertThat(power.unit()).isEqualTo("W");
        assertThat(power.get(dev.aiperf.api.record.Statistic.MAX)).isGreaterThan(90.0);
        MetricResult energy = gpu.metrics().stream().filter(m -> m.tag().equals("nvidia_energy_consumption"))
                .findFirst().orElseThrow();
        assertThat(energy.unit()).isEqualTo("MJ");
        assertThat(energy.avg()).isPositive();
        List<String> samples = Files.readAllLines(artifacts.resolve("gpu_telemetry_export.jsonl"));
        assertThat(samples).hasSizeGreaterThan(4);
        JsonNode sample = JSON.readTree(samples.getFirst());
        assertThat(sample.get("dcgm_url").asText()).isIn(dcgm1, dcgm2);
        assertThat(sample.at("/telemetry_data/nvidia_power_usage").isNumber()).isTrue();

        // Energy efficiency joins the GPU energy with the run's tokens, in the summary JSON.
        JsonNode summary = JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile());
        assertThat(summary.at("/nvidia_total_gpu_energy/unit").asText()).isEqualTo("J");
        assertThat(summary.at("/nvidia_total_gpu_energy/avg").asDouble()).isPositive();
        assertThat(summary.at("/nvidia_output_tokens_per_joule/avg").asDouble()).isPositive();
        String host = server.baseUrl().substring("http://".length());
        JsonNode gpu0 = summary.at("/telemetry_data/endpoints").get(host).at("/gpus/gpu_0");
        assertThat(gpu0.get("gpu_name").asText()).isEqualTo("NVIDIA H200");
        assertThat(gpu0.get("platform").asText()).isEqualTo("nvidia");
        assertThat(gpu0.at("/metrics/nvidia_power_usage/unit").asText()).isEqualTo("W");
        assertThat(gpu0.at("/metrics/nvidia_power_usage/p99").isNumber()).isTrue();
        assertThat(summary.at("/telemetry_data/summary/endpoints_successful")).hasSize(2);
        assertThat(summary.at("/telemetry_data/summary/endpoints_configured")).extracting(JsonNode::asText)
                .containsExactly(dcgm1, dcgm2, deadGpu);
        // The GPU source that never answered: its failed reads, by distinct error, as the original's error_summary.
        JsonNode gpuErrors = summary.at("/telemetry_data/error_summary");
        assertThat(gpuErrors).hasSize(1);
        assertThat(gpuErrors.get(0).get("count").asLong()).isPositive();
        assertThat(gpuErrors.get(0).at("/error_details/type").asText()).isNotBlank();
        assertThat(warnings.lines().filter(l -> l.contains(deadGpu))).hasSize(1);
        String summaryCsv = Files.readString(artifacts.resolve("profile_export_aiperf.csv"));
        assertThat(summaryCsv).contains("\r\n\r\n\r\nEndpoint,GPU_Index,GPU_Name,GPU_UUID,Metric,avg,min,max,sum,p1,")
                .contains(host + ",0,NVIDIA H200,GPU-").contains(",NVIDIA GPU Power Usage (W),");
        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("NVIDIA AIPerf | Server Metrics (").contains("vllm:num_requests_running")
                .contains("NVIDIA AIPerf | GPU 0 | NVIDIA H200").contains("NVIDIA Output Tokens per Joule");
        assertThat(console.indexOf("NVIDIA AIPerf | Server Metrics")).isGreaterThan(console.indexOf("LLM Metrics"));
    }

    @Test
    void withASliceDurationEverySeriesIsCutIntoTimeslicesAndCountersGainRateStatistics() throws IOException {
        TestConfigs load = load();
        load.sliceDurationSeconds = 0.3;
        BenchmarkConfig config = load.build().withTelemetry(new TelemetryConfig(true, List.of(),
                List.of("json", "csv"), 0.05, false, false, "dcgm", List.of(), 0.05));

        BenchmarkOutcome outcome = run(config);

        assertThat(outcome.profiling().completed()).isEqualTo(20);
        Path artifacts = dir.resolve("artifacts");
        JsonNode metrics = JSON.readTree(artifacts.resolve("server_metrics_export.json").toFile()).get("metrics");
        long sliceNs = 300_000_000L;
        JsonNode running = metrics.at("/vllm:num_requests_running/series/0/timeslices");
        assertThat(running.size()).isGreaterThan(1);
        long start = outcome.profiling().startWallNs();
        long end = outcome.profiling().endWallNs();
        assertThat(running.get(0).get("start_ns").asLong()).isEqualTo(start);
        for (JsonNode slice : running) {
            List<String> fields = new java.util.ArrayList<>();
            slice.fieldNames().forEachRemaining(fields::add);
            boolean partial = slice.get("end_ns").asLong() - slice.get("start_ns").asLong() < sliceNs;
            assertThat(fields).isEqualTo(partial ? List.of("start_ns", "end_ns", "is_complete", "avg", "min", "max")
                    : List.of("start_ns", "end_ns", "avg", "min", "max"));
            assertThat(slice.get("max").asDouble()).isBetween(0.0, 4.0);
        }
        // Counter slices tile the whole window, one after the other, the last one cut at the profiling end.
        double sliced = 0;
        JsonNode busiest = null;
        for (JsonNode series : metrics.at("/vllm:request_success_total/series")) {
            JsonNode slices = series.get("timeslices");
            assertThat(slices.get(0).get("start_ns").asLong()).isEqualTo(start);
            for (int i = 1; i < slices.size(); i++) {
                assertThat(slices.get(i).get("start_ns").asLong()).isEqualTo(slices.get(i - 1).get("end_ns").asLong());
            }
            assertThat(slices.get(slices.size() - 1).get("end_ns").asLong()).isEqualTo(end);
            for (JsonNode slice : slices) {
                assertThat(slice.has("total") && slice.has("rate")).isTrue();
                sliced += slice.get("total").asDouble();
            }
            if (busiest == null || series.at("/stats/total").asDouble() > busiest.at("/stats/total").asDouble()) {
                busiest = series;
            }
        }
        // Requests that finished before the last scrape inside the window: at most all of them.
        assertThat(sliced).isBetween(1.0, 20.0);
        JsonNode stats = busiest.get("stats");
        assertThat(stats.get("rate_max").asDouble()).isGreaterThanOrEqualTo(stats.get("rate_avg").asDouble())
                .isPositive();
        assertThat(stats.get("rate_min").asDouble()).isLessThanOrEqualTo(stats.get("rate_avg").asDouble());
        assertThat(stats.has("rate_std")).isTrue();
        JsonNode ttftSlice = metrics.at("/vllm:time_to_first_token_seconds/series/0/timeslices/0");
        assertThat(ttftSlice.has("count") && ttftSlice.has("sum") && ttftSlice.has("avg")).isTrue();
        assertThat(ttftSlice.get("buckets").has("+Inf")).isTrue();

        // The CSV has no slices (as the original) but fills the counters' rate columns.
        String csv = Files.readString(artifacts.resolve("server_metrics_export.csv"));
        String header = csv.lines().filter(l -> l.startsWith("Endpoint,Type,Metric,Unit,total,")).findFirst()
                .orElseThrow();
        assertThat(header).startsWith("Endpoint,Type,Metric,Unit,total,rate,rate_avg,rate_min,rate_max,rate_std,");
        String row = csv.lines().filter(l -> l.contains(",counter,vllm:generation_tokens_total,")).findFirst()
                .orElseThrow();
        assertThat(row.split(",", -1)[6]).as("rate_avg of " + row).matches("\\d+\\.\\d{4}");
    }

    @Test
    void noServerMetricsAndNoGpuTelemetryMeansNoFilesAndNoThread() throws IOException {
        TestConfigs load = load();
        BenchmarkOutcome outcome = run(load.build().withTelemetry(TelemetryConfig.off()));

        assertThat(outcome.profiling().completed()).isEqualTo(20);
        assertThat(dir.resolve("artifacts/server_metrics_export.json")).doesNotExist();
        assertThat(dir.resolve("artifacts/gpu_telemetry_export.jsonl")).doesNotExist();
        assertThat(outcome.context().serverMetrics()).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Server Metrics");
        // telemetry_data is still written, saying that no GPU telemetry endpoint was configured.
        JsonNode telemetry = JSON.readTree(dir.resolve("artifacts/profile_export_aiperf.json").toFile())
                .get("telemetry_data");
        assertThat(telemetry.at("/summary/endpoints_configured")).isEmpty();
        assertThat(telemetry.get("endpoints")).isEmpty();
        assertThat(telemetry.has("error_summary")).isFalse();
    }

    @Test
    void theDefaultsScrapeTheBenchmarkedUrlAndSkipAbsentDcgmExportersSilently() throws IOException {
        TestConfigs load = load();
        BenchmarkOutcome outcome = run(load.build().withTelemetry(TelemetryConfig.defaults()));

        assertThat(outcome.context().serverMetrics().endpointsSuccessful())
                .containsExactly(server.baseUrl() + "/metrics");
        assertThat(dir.resolve("artifacts/server_metrics_export.json")).exists();
        assertThat(dir.resolve("artifacts/server_metrics_export.jsonl")).doesNotExist();
        // Nothing listens on the DCGM default ports here: no warning, no GPU data.
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("GPU telemetry");
        assertThat(outcome.context().gpuTelemetry()).isNull();
        // The summary still says which GPU endpoints were tried, that none answered, and no error (as expected).
        JsonNode telemetry = JSON.readTree(dir.resolve("artifacts/profile_export_aiperf.json").toFile())
                .get("telemetry_data");
        assertThat(telemetry.at("/summary/endpoints_configured")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(TelemetryConfig.DEFAULT_DCGM_URLS);
        assertThat(telemetry.at("/summary/endpoints_successful")).isEmpty();
        assertThat(telemetry.get("endpoints")).isEmpty();
        assertThat(telemetry.has("error_summary")).isFalse();
        assertThat(telemetry.at("/summary/start_time").asText()).isNotBlank();
    }
}
