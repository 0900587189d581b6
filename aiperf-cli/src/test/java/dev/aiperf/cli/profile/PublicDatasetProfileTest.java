package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.mock.RequestCapture;
import dev.aiperf.tokenizer.Tokenizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --public-dataset sharegpt} from the small real ShareGPT file, against the mock over loopback. */
class PublicDatasetProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path SHAREGPT = Path.of("../aiperf-core/src/test/resources/datasets/sharegpt_small.json");

    @TempDir
    Path dir;

    @Test
    void sharegptPromptsAreSentInOrderWithTheirCompletionLengthsAndMeasuredInTheRunsTokenizer() throws IOException {
        Tokenizer cl100k = Tokenizers.forName("cl100k_base");
        List<String[]> kept = new ArrayList<>(); // prompt, completion of the entries the filter keeps
        for (JsonNode entry : JSON.readTree(SHAREGPT.toFile())) {
            if (entry.get("id").asText().startsWith("keep_")) {
                JsonNode messages = entry.get("conversations");
                kept.add(new String[] {messages.get(0).get("value").asText(), messages.get(1).get("value").asText()});
            }
        }
        Path artifacts = dir.resolve("sharegpt");
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).fast(true).workers(1)
                .tokenizer("cl100k_base").build())) {
            RequestCapture capture = server.captureRequests(50);

            CliRun run = CliRun.of("profile", "-m", "mock-model", "--url", server.baseUrl(), "--public-dataset",
                    "sharegpt", "--input-file", SHAREGPT.toString(), "--request-count", "7", "--concurrency", "1",
                    "--tokenizer", "cl100k_base", "--extra-inputs", "ignore_eos:true", "--ui", "none",
                    "--artifact-dir", artifacts.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            List<RequestCapture.CapturedRequest> sent = capture.requestsTo("/v1/chat/completions");
            assertThat(sent).hasSize(7);
            for (int i = 0; i < sent.size(); i++) {
                String[] pair = kept.get(i % kept.size()); // sequential sampling wraps around
                JsonNode body = sent.get(i).json();
                assertThat(body.get("messages").toString()).isEqualTo(JSON.createArrayNode().add(
                        JSON.createObjectNode().put("role", "user").put("name", "").put("content", pair[0])).toString());
                assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(cl100k.count(pair[1]));
            }
        }
        List<String> lines = Files.readAllLines(artifacts.resolve("profile_export.jsonl"));
        assertThat(lines).hasSize(7);
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertThat(record.has("error")).isFalse();
            // ignore_eos: the mock answers exactly max tokens, counted the same on both sides.
            assertThat(record.at("/metrics/output_sequence_length/value").asInt())
                    .isEqualTo(record.at("/metrics/usage_completion_tokens/value").asInt());
            assertThat(record.at("/metrics/input_sequence_length/value").asInt())
                    .isEqualTo(record.at("/metrics/usage_prompt_tokens/value").asInt());
        }
        JsonNode summary = JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile());
        assertThat(summary.at("/input_sequence_length/max").asDouble())
                .isEqualTo(kept.stream().mapToInt(p -> cl100k.count(p[0])).max().orElseThrow());
        assertThat(summary.at("/input_config/input/public_dataset").asText()).isEqualTo("sharegpt");
        assertThat(JSON.readTree(artifacts.resolve("inputs.json").toFile()).at("/data").size()).isEqualTo(kept.size());
    }

    @Test
    void aPublicDatasetNeedsALocalFileAndARegisteredName() {
        CliRun noFile = CliRun.of("profile", "--mock", "--public-dataset", "sharegpt", "--ui", "none");
        CliRun typo = CliRun.of("profile", "--mock", "--public-dataset", "sharegtp", "--input-file",
                SHAREGPT.toString(), "--ui", "none");

        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("--public-dataset sharegpt reads a local copy of the dataset: also give"
                + " --input-file FILE").contains("ShareGPT_V3_unfiltered_cleaned_split.json");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("--public-dataset: ").contains("sharegpt");
    }
}
