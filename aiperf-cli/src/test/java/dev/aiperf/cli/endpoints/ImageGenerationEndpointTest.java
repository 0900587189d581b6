package dev.aiperf.cli.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code --endpoint-type image_generation} against the mock's {@code /v1/images/generations}. */
class ImageGenerationEndpointTest extends AgainstMockServer {
    @Test
    void wholeAnswersGiveImageThroughputAndLatencyPerImageAndNoTokenMetrics() {
        EndpointRun run = profile("whole", "--endpoint-type", "image_generation", "-m",
                "flux", "--concurrency", "2", "--request-count", "4", "--isl", "20", "--extra-inputs", "n:2",
                "--extra-inputs", "size:1024x1024");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.paths()).hasSize(4).allMatch("/v1/images/generations"::equals);
        JsonNode body = run.bodies().getFirst();
        assertThat(body.get("prompt").isTextual()).isTrue();
        assertThat(body.get("model").asText()).isEqualTo("flux");
        assertThat(body.get("response_format").asText()).isEqualTo("b64_json");
        assertThat(body.get("n").asInt()).isEqualTo(2);
        assertThat(body.get("size").asText()).isEqualTo("1024x1024");
        assertThat(body.has("stream")).isFalse();

        JsonNode summary = run.summary();
        assertThat(summary.has("time_to_first_token")).isFalse();
        assertThat(summary.has("output_sequence_length")).isFalse();
        assertThat(summary.at("/input_sequence_length/avg").asDouble()).isEqualTo(20.0);
        for (JsonNode record : run.records()) {
            double latencyMs = record.at("/metrics/request_latency/value").asDouble();
            assertThat(record.at("/metrics/num_images/value").asInt()).isEqualTo(2);
            assertThat(record.at("/metrics/image_latency/value").asDouble()).isCloseTo(latencyMs / 2, within(1e-6));
            assertThat(record.at("/metrics/image_throughput/value").asDouble())
                    .isCloseTo(2 / (latencyMs / 1000), within(1e-3 * 2 / (latencyMs / 1000)));
        }
        assertThat(summary.at("/total_num_images/avg").asDouble()).isEqualTo(8.0);
        assertThat(summary.at("/image_samples_per_second/avg").asDouble()).isPositive();
        assertThat(run.cli().out()).contains("Image Generation Metrics", "Image Throughput", "Image Latency");
    }

    @Test
    void aStreamCountsFinalImagesNotPartialPreviews() {
        EndpointRun run = profile("stream", "--endpoint-type", "image_generation", "-m",
                "gpt-image-1", "--streaming", "--concurrency", "2", "--request-count", "4", "--isl", "20",
                "--extra-inputs", "partial_images:2");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.bodies().getFirst().get("stream").asBoolean()).isTrue();
        assertThat(run.bodies().getFirst().get("partial_images").asInt()).isEqualTo(2);
        List<JsonNode> records = run.records();
        assertThat(records).hasSize(4);
        for (JsonNode record : records) {
            assertThat(record.at("/metrics/num_images/value").asInt()).isEqualTo(1);
        }
        assertThat(run.summary().has("time_to_first_token")).isFalse();
    }
}
