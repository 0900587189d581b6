package dev.aiperf.cli.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** {@code --endpoint-type responses} against the mock's {@code /v1/responses}: what is sent and what is measured. */
class ResponsesEndpointTest extends AgainstMockServer {
    @Test
    void aStreamOfTypedEventsGivesTheStreamingMetricsAndExactOutputLengths() {
        EndpointRun run = profile("stream", "--endpoint-type", "responses", "-m",
                "mock-model", "--streaming", "--concurrency", "2", "--request-count", "6", "--isl", "16", "--osl", "8",
                "--extra-inputs", "ignore_eos:true", "--shared-system-prompt-length", "4");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.paths()).hasSize(6).allMatch("/v1/responses"::equals);
        JsonNode body = run.bodies().getFirst();
        assertThat(body.get("model").asText()).isEqualTo("mock-model");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("max_output_tokens").asInt()).isEqualTo(8);
        assertThat(body.get("instructions").asText()).isNotBlank();
        assertThat(body.at("/input/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/input/0/type").asText()).isEqualTo("message");
        assertThat(body.at("/input/0/content").isTextual()).isTrue();
        assertThat(body.get("ignore_eos").asBoolean()).isTrue();

        JsonNode summary = run.summary();
        assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(6.0);
        assertThat(summary.at("/time_to_first_token/avg").isNumber()).isTrue();
        assertThat(summary.at("/inter_token_latency/avg").isNumber()).isTrue();
        assertThat(summary.at("/output_sequence_length/min").asDouble()).isEqualTo(8.0);
        assertThat(summary.at("/output_sequence_length/max").asDouble()).isEqualTo(8.0);
        assertThat(run.cli().out()).contains("LLM Metrics");
    }

    @Test
    void reasoningDeltasCountAsReasoningAndTheUsageComesFromResponseCompleted() {
        EndpointRun run = profile("reasoning", "--endpoint-type", "responses", "-m",
                "qwen-mock", "--streaming", "--concurrency", "2", "--request-count", "4", "--isl", "16", "--osl",
                "120", "--extra-inputs", "ignore_eos:true", "--extra-inputs", "{\"reasoning\": {\"effort\": \"low\"}}",
                "--use-server-token-count");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.bodies().getFirst().at("/reasoning/effort").asText()).isEqualTo("low");
        // usage always comes in response.completed; the API has no stream_options.include_usage
        assertThat(run.bodies().getFirst().has("stream_options")).isFalse();
        JsonNode summary = run.summary();
        // the mock reasons 100 tokens at low effort, out of a budget of 120
        assertThat(summary.at("/reasoning_token_count/avg").asDouble()).isEqualTo(100.0);
        assertThat(summary.at("/output_token_count/avg").asDouble()).isEqualTo(20.0);
        assertThat(summary.at("/usage_prompt_tokens/avg").isNumber()).isTrue();
    }

    @Test
    void aWholeResponseHasNoStreamingMetrics() {
        EndpointRun run = profile("whole", "--endpoint-type", "responses", "-m",
                "mock-model", "--concurrency", "2", "--request-count", "4", "--isl", "16", "--osl", "8",
                "--extra-inputs", "ignore_eos:true");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.bodies().getFirst().get("stream").asBoolean()).isFalse();
        JsonNode summary = run.summary();
        assertThat(summary.has("time_to_first_token")).isFalse();
        assertThat(summary.has("inter_token_latency")).isFalse();
        assertThat(summary.at("/request_latency/avg").isNumber()).isTrue();
        assertThat(summary.at("/output_sequence_length/avg").asDouble()).isEqualTo(8.0);
    }
}
