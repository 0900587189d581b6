package dev.aiperf.cli.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --endpoint-type raw} with a {@code raw_payload} file: every body reaches the mock exactly as written. */
class RawEndpointTest extends AgainstMockServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBodiesAreSentAsTheyAreAndTheAnswersMeasured() throws IOException {
        List<String> lines = List.of(
                "{\"model\": \"raw-a\", \"messages\": [{\"role\": \"user\", \"content\": \"hello there, how are you\"}],"
                        + " \"max_tokens\": 6, \"ignore_eos\": true, \"stream\": true, \"custom_field\": {\"k\": [1, 2]}}",
                "{\"model\": \"raw-b\", \"messages\": [{\"role\": \"user\", \"content\": \"tell me a story\"}],"
                        + " \"max_tokens\": 6, \"ignore_eos\": true, \"stream\": true}");
        Path file = dir.resolve("bodies.jsonl");
        Files.write(file, lines);

        EndpointRun run = profile("raw", "--endpoint-type", "raw", "-m", "ignored",
                "--url", mock.server().baseUrl() + "/v1/chat/completions", "--streaming", "--request-count", "2",
                "--input-file", file.toString(), "--custom-dataset-type", "raw_payload");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.bodies()).containsExactly(JSON.readTree(lines.get(0)), JSON.readTree(lines.get(1)));
        JsonNode summary = run.summary();
        assertThat(summary.at("/time_to_first_token/avg").isNumber()).isTrue();
        assertThat(summary.at("/output_sequence_length/avg").asDouble()).isEqualTo(6.0);
        assertThat(summary.at("/input_sequence_length/avg").asDouble()).isPositive();
    }

    @Test
    void rawPayloadsWithAnotherEndpointOrRawWithoutThemEndInOneMessage() throws IOException {
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, "{\"messages\": []}\n");
        EndpointRun chat = profile("chat", "-m", "m", "--request-count", "1",
                "--input-file", file.toString(), "--custom-dataset-type", "raw_payload");
        assertThat(chat.cli().exitCode()).isNotZero();
        assertThat(chat.cli().err()).contains("sent as they are only by --endpoint-type raw");

        EndpointRun synthetic = profile("synthetic", "--endpoint-type", "raw", "-m", "m",
                "--request-count", "1");
        assertThat(synthetic.cli().exitCode()).isNotZero();
        assertThat(synthetic.cli().err()).contains("--custom-dataset-type raw_payload");
        assertThat(synthetic.requests()).isEmpty();
    }
}
