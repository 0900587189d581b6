package dev.aiperf.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkRunnerTest extends RunAgainstMockServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void streamingRunWritesEveryArtifact() throws IOException {
        TestConfigs config = against(MockServerConfig.builder().ttftMs(2).itlMs(1));
        BenchmarkOutcome outcome = run(config);

        assertThat(outcome.hasResults()).isTrue();
        assertThat(outcome.interrupted()).isFalse();
        assertThat(outcome.profiling().sent()).isEqualTo(20);
        assertThat(outcome.profiling().completed()).isEqualTo(20);
        List<String> lines = Files.readAllLines(outcome.recordsFile());
        assertThat(lines).hasSize(20);
        JsonNode first = JSON.readTree(lines.getFirst());
        assertThat(first.at("/metadata/benchmark_phase").asText()).isEqualTo("profiling");
        assertThat(first.at("/metrics/time_to_first_token/value").asDouble()).isGreaterThan(0);
        for (String line : lines) {
            // Every record carries when the request was meant to go and when it went.
            JsonNode metadata = JSON.readTree(line).get("metadata");
            assertThat(metadata.get("credit_issued_ns").asLong()).isPositive()
                    .isLessThanOrEqualTo(metadata.get("request_start_ns").asLong());
        }
        assertThat(Files.exists(outcome.inputsFile())).isTrue();
        assertThat(outcome.exports()).extracting(e -> e.filePath().getFileName().toString())
                .contains("profile_export_aiperf.json", "profile_export_aiperf.csv");
        JsonNode summary = JSON.readTree(dir.resolve("artifacts/profile_export_aiperf.json").toFile());
        assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(20.0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Time to First Token");
    }
}
