package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.TelemetryConfig;
import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-metrics and GPU-telemetry options: the original's defaults, and the files they produce end to end. */
class ProfileTelemetryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static TelemetryConfig telemetry(String... args) {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return ProfileConfigBuilder.build(command, null, false, "aiperf profile").config().telemetry();
    }

    @Test
    void serverMetricsAreOnByDefaultAndGpuTelemetryProbesTheDefaultDcgmEndpointsWithoutShowingThem() {
        TelemetryConfig t = telemetry("-m", "m");
        assertThat(t.serverMetrics()).isTrue();
        assertThat(t.serverMetricsUrls()).isEmpty();
        assertThat(t.serverMetricsFormats()).containsExactly("json", "csv");
        assertThat(t.serverMetricsIntervalSeconds()).isEqualTo(0.333);
        assertThat(t.gpuTelemetry()).isTrue();
        assertThat(t.gpuTelemetryShown()).isFalse();
        assertThat(t.gpuTelemetryUrls()).isEmpty();
    }

    @Test
    void optionsAsTheOriginalSpellsThem() {
        TelemetryConfig t = telemetry("-m", "m", "--server-metrics", "http://a:1/metrics", "b:2",
                "--server-metrics-formats", "json", "jsonl", "--gpu-telemetry", "http://gpu:9400/metrics");
        assertThat(t.serverMetricsUrls()).containsExactly("http://a:1/metrics", "b:2");
        assertThat(t.serverMetricsFormats()).containsExactly("json", "jsonl");
        assertThat(t.gpuTelemetryShown()).isTrue();
        assertThat(t.gpuTelemetryUrls()).containsExactly("http://gpu:9400/metrics");

        TelemetryConfig off = telemetry("-m", "m", "--no-server-metrics", "--no-gpu-telemetry");
        assertThat(off.serverMetrics()).isFalse();
        assertThat(off.gpuTelemetry()).isFalse();
        assertThat(telemetry("-m", "m", "--gpu-telemetry").gpuTelemetryShown()).isTrue();
    }

    @Test
    void unsupportedValuesEndInOneClearUsageError() {
        for (List<String> args : List.of(List.of("--server-metrics-formats", "parquet"),
                List.of("--server-metrics-formats", "xml"), List.of("--gpu-telemetry", "pynvml"),
                List.of("--no-server-metrics", "--server-metrics", "http://x:1"))) {
            CliRun run = CliRun.of(concat(List.of("profile", "-m", "m"), args));
            assertThat(run.exitCode()).as(args + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).contains("aiperf: error: ").doesNotContain("\tat ");
        }
        assertThat(CliRun.of("profile", "-m", "m", "--gpu-telemetry", "pynvml").err())
                .contains("--gpu-telemetry pynvml is not supported");
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }

    @Test
    void profileMockScrapesTheMocksMetricsAndDcgmPages() throws IOException {
        Path artifacts = dir.resolve("run");
        // The mock's port is known only once it runs: its DCGM pages are reached through the default URL's base.
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "5", "--mock-itl", "2", "--streaming",
                "--concurrency", "4", "--request-count", "40", "--osl", "40", "--extra-inputs", "ignore_eos:true",
                "--ui", "none", "--artifact-dir", artifacts.toString(), "--no-gpu-telemetry");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("NVIDIA AIPerf | Server Metrics (127.0.0.1:")
                .contains("Server Metrics JSON Export: " + artifacts.resolve("server_metrics_export.json")
                        .toAbsolutePath())
                .contains("Server Metrics CSV Export: ");
        JsonNode export = JSON.readTree(artifacts.resolve("server_metrics_export.json").toFile());
        assertThat(export.at("/metrics/vllm:generation_tokens_total/type").asText()).isEqualTo("counter");
        assertThat(export.at("/input_config/cli_command").asText()).contains("--no-gpu-telemetry");
        assertThat(artifacts.resolve("gpu_telemetry_export.jsonl")).doesNotExist();
    }
}
