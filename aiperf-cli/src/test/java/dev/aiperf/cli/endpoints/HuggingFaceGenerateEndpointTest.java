package dev.aiperf.cli.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** {@code --endpoint-type huggingface_generate} against the mock's TGI {@code /generate} and {@code /generate_stream}. */
class HuggingFaceGenerateEndpointTest extends AgainstMockServer {
    @Test
    void streamingUsesGenerateStreamWithExtrasInsideParametersAndCountsEveryToken() {
        EndpointRun run = profile("stream", "--endpoint-type", "huggingface_generate",
                "-m", "tgi-model", "--streaming", "--concurrency", "2", "--request-count", "6", "--isl", "16",
                "--osl", "8", "--extra-inputs", "ignore_eos:true");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.paths()).hasSize(6).allMatch("/generate_stream"::equals);
        JsonNode body = run.bodies().getFirst();
        assertThat(body.get("inputs").isTextual()).isTrue();
        assertThat(body.at("/parameters/max_new_tokens").asInt()).isEqualTo(8);
        assertThat(body.at("/parameters/ignore_eos").asBoolean()).isTrue();
        assertThat(body.has("model")).isFalse();
        assertThat(body.has("stream")).isFalse();
        assertThat(body.has("ignore_eos")).isFalse();

        JsonNode summary = run.summary();
        assertThat(summary.at("/time_to_first_token/avg").isNumber()).isTrue();
        assertThat(summary.at("/output_sequence_length/min").asDouble()).isEqualTo(8.0);
        assertThat(summary.at("/output_sequence_length/max").asDouble()).isEqualTo(8.0);
        assertThat(summary.at("/input_sequence_length/avg").asDouble()).isEqualTo(16.0);
    }

    @Test
    void withoutStreamingItPostsToGenerateAndReadsGeneratedText() {
        EndpointRun run = profile("whole", "--endpoint-type", "huggingface_generate",
                "-m", "tgi-model", "--concurrency", "2", "--request-count", "4", "--isl", "16", "--osl", "8",
                "--extra-inputs", "ignore_eos:true");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.paths()).hasSize(4).allMatch("/generate"::equals);
        JsonNode summary = run.summary();
        assertThat(summary.has("time_to_first_token")).isFalse();
        assertThat(summary.at("/output_sequence_length/avg").asDouble()).isEqualTo(8.0);
    }
}
