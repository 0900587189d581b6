package dev.aiperf.cli.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** {@code --endpoint-type nim_embeddings} against the mock's {@code /v1/embeddings}. */
class NimEmbeddingsEndpointTest extends AgainstMockServer {
    @Test
    void sendsTheBatchAsInputWithNimFieldsFromExtrasAndMeasuresLatencyAndInputOnly() {
        EndpointRun run = profile("nim", "--endpoint-type", "nim_embeddings", "-m",
                "nv-embedqa", "--concurrency", "2", "--request-count", "4", "--isl", "16", "--batch-size", "3",
                "--extra-inputs", "input_type:query", "--extra-inputs", "truncate:END", "--streaming");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.cli().err()).contains("--streaming ignored");
        assertThat(run.paths()).hasSize(4).allMatch("/v1/embeddings"::equals);
        JsonNode body = run.bodies().getFirst();
        assertThat(body.get("model").asText()).isEqualTo("nv-embedqa");
        assertThat(body.get("input")).hasSize(3);
        assertThat(body.get("input_type").asText()).isEqualTo("query");
        assertThat(body.get("truncate").asText()).isEqualTo("END");

        JsonNode summary = run.summary();
        assertThat(summary.at("/request_latency/avg").isNumber()).isTrue();
        assertThat(summary.at("/input_sequence_length/avg").asDouble()).isBetween(46.0, 50.0);
        assertThat(summary.has("time_to_first_token")).isFalse();
        assertThat(summary.has("output_sequence_length")).isFalse();
        assertThat(run.cli().out()).contains("NIM Embeddings Metrics");
    }
}
