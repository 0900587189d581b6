package dev.aiperf.cli.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rankings family against the mock's {@code /v1/ranking}, {@code /rerank} and {@code /v2/rerank}: the synthetic
 * rankings dataset (a query and N passages per request), each API's body, and the metrics a reranker has.
 */
class RankingsEndpointsTest extends AgainstMockServer {
    private EndpointRun rankings(String type) {
        return profile(type, "--endpoint-type", type, "-m", "rerank-model",
                "--concurrency", "2", "--request-count", "4", "--rankings-passages-mean", "3",
                "--rankings-query-prompt-token-mean", "8", "--rankings-passages-prompt-token-mean", "12");
    }

    @Test
    void nimSendsAQueryObjectAndPassageObjectsAndReadsTheRankings() {
        EndpointRun run = rankings("nim_rankings");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.paths()).hasSize(4).allMatch("/v1/ranking"::equals);
        JsonNode body = run.bodies().getFirst();
        assertThat(body.get("model").asText()).isEqualTo("rerank-model");
        assertThat(body.at("/query/text").asText()).isNotBlank();
        assertThat(body.get("passages")).hasSize(3);
        assertThat(body.at("/passages/0/text").asText()).isNotBlank();
        assertRankingMetrics(run, "Rankings Metrics");
    }

    @Test
    void teiSendsQueryAndTextsWithoutAModel() {
        EndpointRun run = rankings("hf_tei_rankings");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.paths()).hasSize(4).allMatch("/rerank"::equals);
        JsonNode body = run.bodies().getFirst();
        assertThat(body.has("model")).isFalse();
        assertThat(body.get("query").isTextual()).isTrue();
        assertThat(body.get("texts")).hasSize(3);
        assertRankingMetrics(run, "Ranking Metrics");
    }

    @Test
    void cohereSendsQueryAndDocuments() {
        EndpointRun run = rankings("cohere_rankings");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.paths()).hasSize(4).allMatch("/v2/rerank"::equals);
        JsonNode body = run.bodies().getFirst();
        assertThat(body.get("model").asText()).isEqualTo("rerank-model");
        assertThat(body.get("query").isTextual()).isTrue();
        assertThat(body.get("documents")).hasSize(3);
        assertRankingMetrics(run, "Ranking Metrics");
    }

    /** A reranker has latency and input tokens (query and passages: 8 + 3 × 12), no output tokens, no TTFT. */
    private static void assertRankingMetrics(EndpointRun run, String title) {
        JsonNode summary = run.summary();
        assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(4.0);
        assertThat(summary.at("/request_latency/avg").isNumber()).isTrue();
        assertThat(summary.at("/input_sequence_length/avg").asDouble()).isBetween(40.0, 48.0);
        assertThat(summary.has("time_to_first_token")).isFalse();
        assertThat(summary.has("output_sequence_length")).isFalse();
        assertThat(run.cli().out()).contains(title);
    }

    @Test
    void islWithARankingsEndpointAndRankingsOptionsWithAnotherAreUsageErrors() {
        CliRun isl = CliRun.of("profile", "--mock", "--endpoint-type", "nim_rankings", "--isl", "100",
                "--ui", "none", "--artifact-dir", dir.resolve("isl").toString());
        assertThat(isl.exitCode()).isEqualTo(2);
        assertThat(isl.err()).contains("--isl/--isl-stddev do not apply to a rankings endpoint")
                .contains("--rankings-query-prompt-token-mean");

        CliRun chat = CliRun.of("profile", "--mock", "--rankings-passages-mean", "4", "--ui", "none",
                "--artifact-dir", dir.resolve("chat").toString());
        assertThat(chat.exitCode()).isEqualTo(2);
        assertThat(chat.err()).contains("--rankings-* options apply only to a rankings endpoint type");
    }

    @Test
    void aCustomFileWithoutAQueryEndsInOneMessageBeforeAnyRequest() throws IOException {
        Path file = dir.resolve("no-query.jsonl");
        Files.writeString(file, "{\"texts\": [{\"name\": \"passages\", \"contents\": [\"a\", \"b\"]}]}\n");

        EndpointRun run = profile("no-query", "--endpoint-type", "cohere_rankings",
                "-m", "m", "--request-count", "2", "--input-file", file.toString(), "--custom-dataset-type",
                "single_turn");

        assertThat(run.cli().exitCode()).isNotZero();
        assertThat(run.cli().err()).contains("The cohere_rankings endpoint needs a text named 'query'")
                .doesNotContain("Exception");
        assertThat(run.requests()).isEmpty();
    }
}
