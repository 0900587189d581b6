package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf profile} over HTTP/2 measures the same things as over HTTP/1.1, against the real mock. */
class ProfileHttp2Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anHttp2RunProducesTheSameMetricsAndRecordFieldsAsAnHttp1Run() throws IOException {
        List<String> common = List.of("--mock", "--mock-ttft", "1", "--mock-itl", "2", "--streaming",
                "--concurrency", "8", "--request-count", "24", "--isl", "32", "--osl", "8", "--extra-inputs",
                "ignore_eos:true", "--random-seed", "5", "--ui", "none");
        Path h1 = dir.resolve("h1");
        Path h2 = dir.resolve("h2");

        CliRun overH1 = run(common, "--artifact-dir", h1.toString());
        CliRun overH2 = run(common, "--transport", "http2", "--artifact-dir", h2.toString());

        assertThat(overH1.exitCode()).as(overH1.err()).isZero();
        assertThat(overH2.exitCode()).as(overH2.err()).isZero();
        JsonNode summaryH1 = JSON.readTree(h1.resolve("profile_export_aiperf.json").toFile());
        JsonNode summaryH2 = JSON.readTree(h2.resolve("profile_export_aiperf.json").toFile());
        assertThat(fieldNames(summaryH2)).isEqualTo(fieldNames(summaryH1)).contains("time_to_first_token",
                "inter_token_latency", "output_token_count", "request_throughput");
        assertThat(summaryH2.at("/request_count/avg").asDouble()).isEqualTo(24.0);
        assertThat(summaryH2.at("/output_token_count/avg").asDouble())
                .isEqualTo(summaryH1.at("/output_token_count/avg").asDouble());
        List<String> linesH1 = Files.readAllLines(h1.resolve("profile_export.jsonl"));
        List<String> linesH2 = Files.readAllLines(h2.resolve("profile_export.jsonl"));
        assertThat(linesH2).hasSize(24);
        for (String line : linesH2) {
            assertThat(JSON.readTree(line).has("error")).as(line).isFalse();
        }
        // Which metrics a record has depends on its values (e.g. no per-user rate when ITL is 0): compare the union.
        assertThat(recordMetrics(linesH2)).isEqualTo(recordMetrics(linesH1)).contains("time_to_first_token",
                "inter_token_latency", "request_latency", "output_token_count");
        assertThat(JSON.readTree(h2.resolve("inputs.json").toFile()).at("/data").size()).isPositive();
        assertThat(JSON.readTree(h2.resolve("profile_export_aiperf.json").toFile()).at("/input_config/endpoint/transport")
                .asText()).isEqualTo("http2");
    }

    @Test
    void anH2cUrlSelectsTheHttp2TransportByItsScheme() throws IOException {
        Path artifacts = dir.resolve("h2c");
        try (MockServer mock = MockServer.start(MockServerConfig.builder().port(0).fast(true).workers(1).build())) {
            String url = mock.baseUrl().replace("http://", "h2c://");
            CliRun run = CliRun.of("profile", "-m", "mock-model", "--url", url, "--streaming", "--concurrency", "2",
                    "--request-count", "6", "--isl", "16", "--osl", "4", "--ui", "none",
                    "--artifact-dir", artifacts.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readAllLines(artifacts.resolve("profile_export.jsonl"))).hasSize(6)
                    .allSatisfy(line -> assertThat(JSON.readTree(line).has("error")).as(line).isFalse());
        }
    }

    private static CliRun run(List<String> common, String... more) {
        List<String> args = new ArrayList<>();
        args.add("profile");
        args.addAll(common);
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static Set<String> recordMetrics(List<String> lines) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : lines) {
            names.addAll(fieldNames(JSON.readTree(line).get("metrics")));
        }
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
