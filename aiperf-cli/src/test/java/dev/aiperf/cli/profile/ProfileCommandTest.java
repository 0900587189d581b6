package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.testkit.ClosedPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf profile} and {@code aiperf demo} end to end against the real mock server on loopback. */
class ProfileCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void profileAgainstTheEmbeddedMockWritesEveryArtifact() throws IOException {
        Path artifacts = dir.resolve("run");
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "1", "--mock-itl", "0.2", "--streaming",
                "--concurrency", "4", "--request-count", "24", "--isl", "32", "--osl", "8", "--extra-inputs",
                "ignore_eos:true", "--random-seed", "5", "--ui", "none", "--artifact-dir", artifacts.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("NVIDIA AIPerf | LLM Metrics", "Time to First Token", "Request Count")
                .contains("Artifacts: " + artifacts.toAbsolutePath());
        assertThat(run.err()).contains("mock server listening on http://127.0.0.1:");
        List<String> lines = Files.readAllLines(artifacts.resolve("profile_export.jsonl"));
        assertThat(lines).hasSize(24);
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertThat(record.has("error")).isFalse();
            assertThat(record.at("/metadata/benchmark_phase").asText()).isEqualTo("profiling");
            assertThat(record.at("/metrics/request_latency/value").asDouble()).isPositive();
        }
        JsonNode summary = JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile());
        assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(24.0);
        assertThat(summary.at("/time_to_first_token/p99").isNumber()).isTrue();
        assertThat(Files.readString(artifacts.resolve("profile_export_aiperf.csv"))).contains("Time to First Token");
        assertThat(JSON.readTree(artifacts.resolve("inputs.json").toFile()).at("/data").size()).isEqualTo(100);
    }

    @Test
    void theDefaultArtifactDirectoryFollowsTheOriginalsNaming() {
        Path root = dir.resolve("cwd");
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "0", "--mock-itl", "0", "--request-rate", "200",
                "--concurrency", "2", "--request-count", "6", "--isl", "16", "--osl", "4", "--ui", "none",
                "--output-artifact-dir", root.resolve("x").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // Explicit: used as is. The default name is covered by ArtifactDirectoryNamerTest.
        assertThat(root.resolve("x/profile_export.jsonl")).exists();
    }

    @Test
    void warmupRequestsAreSentButNeverMeasured() throws IOException {
        Path artifacts = dir.resolve("warm");
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "0", "--mock-itl", "0", "--warmup-request-count",
                "5", "--concurrency", "2", "--request-count", "8", "--isl", "16", "--osl", "4", "--ui", "simple",
                "--artifact-dir", artifacts.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warmup started").contains("profiling started");
        assertThat(Files.readAllLines(artifacts.resolve("profile_export.jsonl"))).hasSize(8);
    }

    @Test
    void demoRunsWithItsDefaultsAndTakesOverrides() throws IOException {
        Path artifacts = dir.resolve("demo");
        CliRun run = CliRun.of("demo", "--request-count", "16", "--mock-ttft", "1", "--mock-itl", "0.1", "--ui",
                "none", "--artifact-dir", artifacts.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(artifacts.resolve("profile_export.jsonl"))).hasSize(16);
        JsonNode summary = JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile());
        assertThat(summary.at("/output_sequence_length/avg").asDouble()).isEqualTo(64.0);
        // The mock counts in the run's tokenizer: the server's counts are the asked lengths, exactly.
        assertThat(summary.at("/input_sequence_length/min").asDouble()).isEqualTo(128.0);
        assertThat(summary.at("/input_sequence_length/max").asDouble()).isEqualTo(128.0);
        assertThat(run.err()).doesNotContain("no tokenizer");
    }

    @Test
    void withAHuggingFaceTokenizerClientAndMockCountTheSameExactLengths() throws IOException {
        String dirProperty = System.getProperty("aiperf.test.tokenizers");
        assertThat(dirProperty).as("system property aiperf.test.tokenizers (set by the Maven build)").isNotBlank();
        String qwen3 = Path.of(dirProperty, "qwen3").toString();
        for (boolean serverCounts : new boolean[] {false, true}) {
            Path artifacts = dir.resolve("hf-" + serverCounts);
            List<String> args = new java.util.ArrayList<>(List.of("profile", "--mock", "--mock-ttft", "0",
                    "--mock-itl", "0", "--streaming", "--concurrency", "4", "--request-count", "40", "--isl", "100",
                    "--osl", "24", "--extra-inputs", "ignore_eos:true", "--tokenizer", qwen3, "--ui", "none",
                    "--artifact-dir", artifacts.toString()));
            if (serverCounts) {
                args.add("--use-server-token-count");
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode summary = JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile());
            for (String stat : List.of("min", "max")) {
                assertThat(summary.at("/input_sequence_length/" + stat).asDouble()).as("ISL " + stat).isEqualTo(100.0);
                assertThat(summary.at("/output_sequence_length/" + stat).asDouble()).as("OSL " + stat).isEqualTo(24.0);
            }
        }
    }

    @Test
    void withoutTokenizerAnUnknownModelFallsBackWithOneWarningLine() {
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "0", "--mock-itl", "0", "--request-count", "2",
                "--isl", "16", "--osl", "4", "--ui", "none", "--artifact-dir", dir.resolve("fallback").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(l -> l.contains("no tokenizer")).toList()).singleElement().asString()
                .contains("model 'mock-model'").contains("approximate").contains("cl100k_base").contains("--tokenizer");
    }

    @Test
    void helpIsGroupedLikeTheOriginal() {
        CliRun run = CliRun.of("profile", "--help");
        assertThat(run.exitCode()).isZero();
        String help = run.out();
        List<String> headings = List.of("\nEndpoint\n", "\nInput\n", "\nPrompt\n", "\nConversation\n",
                "\nLoad Generator\n", "\nOutput\n", "\nTokenizer\n", "\nService/UI\n");
        int previous = -1;
        for (String heading : headings) {
            int at = help.replace("\r\n", "\n").indexOf(heading);
            assertThat(at).as(heading.strip()).isGreaterThan(previous);
            previous = at;
        }
        assertThat(help).contains("--request-rate-mode").contains("--output-artifact-dir").contains("--vllm-burstiness");
    }

    @Test
    void anUnreachableServerFailsWithTheErrorSummary() throws IOException {
        CliRun run;
        try (ClosedPort down = ClosedPort.open()) {
            run = CliRun.of("profile", "-m", "m", "--url", "127.0.0.1:" + down.port(), "--request-count", "3",
                    "--isl", "8", "--ui", "none", "--artifact-dir", dir.resolve("down").toString());
        }
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Error Summary").contains("ConnectionError");
        assertThat(run.err()).contains("aiperf: error: every request failed");
        assertThat(Files.readAllLines(dir.resolve("down/profile_export.jsonl"))).hasSize(3);
    }

    @Test
    void serverErrorsAreCountedAndTheRunStillReports() throws IOException {
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).fast(true).errorRatePercent(50)
                .randomSeed(11L).build())) {
            CliRun run = CliRun.of("profile", "-m", "m", "--url", server.baseUrl(), "--request-count", "30",
                    "--concurrency", "3", "--isl", "8", "--osl", "4", "--ui", "none", "--artifact-dir",
                    dir.resolve("flaky").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Error Summary").contains("Simulated error");
            JsonNode summary = JSON.readTree(dir.resolve("flaky/profile_export_aiperf.json").toFile());
            assertThat(summary.at("/error_request_count/avg").asDouble() + summary.at("/request_count/avg").asDouble())
                    .isEqualTo(30.0);
        }
    }

    @Test
    void runFailuresAreOneLineWithoutAStackTrace() {
        CliRun run = CliRun.of("profile", "--mock", "--tokenizer", "no-such-encoding", "--request-count", "2",
                "--ui", "none", "--artifact-dir", dir.resolve("tok").toString());
        assertThat(run.exitCode()).isIn(1, 2);
        assertThat(run.err()).contains("aiperf: error: ").contains("no-such-encoding").doesNotContain("\tat ");
    }
}
