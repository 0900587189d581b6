package dev.aiperf.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.GpuTelemetry;
import dev.aiperf.api.export.TelemetryData;
import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import dev.aiperf.metrics.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary JSON against its documented schema: the tables of {@code docs/export-schema.md} are read
 * from the file, and every key the exporter writes must be listed there (or be a metric block).
 */
class SummarySchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_0-9]+)` \\|(.*)$");

    /** The backticked names in the first column of a section's table, with the rest of their row. */
    private static Map<String, String> documented(String section) throws IOException {
        Path doc = Path.of("..", "docs", "export-schema.md");
        Map<String, String> rows = new LinkedHashMap<>();
        boolean in = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("## ")) {
                in = line.equals("## " + section);
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (in && m.matches()) {
                rows.put(m.group(1), m.group(2));
            }
        }
        assertThat(rows).as("section " + section + " of " + doc.toAbsolutePath()).isNotEmpty();
        return rows;
    }

    private static JsonNode export(Path dir, ExportContext context, BenchmarkConfig config) throws IOException {
        new MetricsJsonExporter(config, ZoneOffset.UTC).export(context);
        return JSON.readTree(dir.resolve("profile_export_aiperf.json").toFile());
    }

    private static ExportContext fullContext(BenchmarkConfig config) {
        ExportContext tvE = TvEExport.context(config);
        Map<Statistic, Double> power = new EnumMap<>(Statistic.class);
        for (Statistic s : Statistic.values()) {
            power.put(s, 300.0);
        }
        GpuTelemetry gpu = new GpuTelemetry(0, "NVIDIA H100", "GPU-1", "nvidia", "node-1", null, null,
                List.of(new MetricResult("nvidia_power_usage", "GPU Power Usage", "W", Set.of(MetricFlag.NO_CONSOLE),
                        null, power, 10)));
        TelemetryData telemetry = new TelemetryData(List.of("localhost:9400"), List.of("localhost:9400"), tvE.startWallNs(),
                tvE.endWallNs(), Map.of("localhost:9400", List.of(gpu)), List.of());
        return tvE.withWarmupResults(tvE.results()).withTelemetryData(telemetry);
    }

    @Test
    void everyTopLevelKeyIsDocumentedAndTheAlwaysOnesArePresent(@TempDir Path dir) throws IOException {
        BenchmarkConfig config = TestConfigs.builder().artifactDir(dir).build();
        Map<String, String> topLevel = documented("Top-level fields");
        for (ExportContext context : List.of(TvEExport.context(config), fullContext(config))) {
            JsonNode json = export(dir, context, config);
            List<String> keys = new ArrayList<>();
            json.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                assertThat(topLevel.containsKey(key) || json.get(key).has("unit"))
                        .as("'" + key + "' is documented or a metric block").isTrue();
            }
            topLevel.forEach((field, row) -> {
                if (row.contains("| always |")) {
                    assertThat(json.has(field)).as(field + " is always written").isTrue();
                }
            });
            assertThat(json.get("schema_version").asText()).isEqualTo("1.5");
        }
    }

    @Test
    void metricBlocksRunInfoAndTelemetryHoldOnlyDocumentedFields(@TempDir Path dir) throws IOException {
        BenchmarkConfig config = TestConfigs.builder().artifactDir(dir).build();
        Set<String> block = documented("Metric block").keySet();
        Set<String> runInfo = documented("`run_info`").keySet();
        Set<String> telemetry = documented("`telemetry_data`").keySet();
        JsonNode json = export(dir, fullContext(config), config);
        List<JsonNode> blocks = new ArrayList<>();
        json.fields().forEachRemaining(e -> {
            if (e.getValue().has("unit")) {
                blocks.add(e.getValue());
            }
        });
        json.get("warmup_metrics").forEach(blocks::add);
        json.at("/telemetry_data/endpoints/localhost:9400/gpus/gpu_0/metrics").forEach(blocks::add);
        assertThat(blocks).hasSizeGreaterThan(20);
        for (JsonNode metric : blocks) {
            metric.fieldNames().forEachRemaining(f -> assertThat(block).as("metric block field").contains(f));
            boolean perRequest = metric.has("p50");
            assertThat(metric.has("count")).as("count exactly on per-request metrics: " + metric).isEqualTo(perRequest);
            assertThat(metric.has("sum")).as("sum exactly on per-request metrics: " + metric).isEqualTo(perRequest);
        }
        json.get("run_info").fieldNames().forEachRemaining(f -> assertThat(runInfo).contains(f));
        json.get("telemetry_data").fieldNames().forEachRemaining(f -> assertThat(telemetry).contains(f));
        assertThat(json.at("/telemetry_data/endpoints/localhost:9400/gpus/gpu_0/platform").asText()).isEqualTo("nvidia");
        assertThat(json.at("/warmup_metrics/request_latency/count").asLong()).isEqualTo(4);
        assertThat(json.at("/runtime_submission_invalid_reasons").isArray()).isTrue();
    }

    @Test
    void theCsvGainsAGpuSectionOnlyWithTelemetry(@TempDir Path dir) throws IOException {
        BenchmarkConfig config = TestConfigs.builder().artifactDir(dir).build();
        MetricsCsvExporter csv = new MetricsCsvExporter(new dev.aiperf.api.export.ExporterContext(config));
        csv.export(TvEExport.context(config));
        String plain = Files.readString(dir.resolve("profile_export_aiperf.csv"));
        assertThat(plain).doesNotContain("GPU_Index");
        csv.export(fullContext(config));
        String withGpu = Files.readString(dir.resolve("profile_export_aiperf.csv"));
        assertThat(withGpu).startsWith(plain).isEqualTo(plain + "\r\n\r\n"
                + "Endpoint,GPU_Index,GPU_Name,GPU_UUID,Metric,avg,min,max,sum,p1,p5,p10,p25,p50,p75,p90,p95,p99,std,"
                + "Hostname\r\n"
                + "localhost:9400,0,NVIDIA H100,GPU-1,GPU Power Usage (W),300.00,300.00,300.00,300.00,300.00,300.00,"
                + "300.00,300.00,300.00,300.00,300.00,300.00,300.00,300.00,node-1\r\n");
    }
}
