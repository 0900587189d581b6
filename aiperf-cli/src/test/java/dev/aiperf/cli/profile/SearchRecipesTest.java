package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid search recipes against the real mock over loopback: small grids, few requests per cell. */
class SearchRecipesTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

    @TempDir
    Path dir;

    @Test
    void theConcurrencyRampFindsTheKneeWhereTtftOutgrowsItsThreshold() throws IOException {
        // TTFT = 100 ms + 100 ms per other request in flight: a median of about 100 ms at concurrency 1, 200 at 2,
        // 400 at 4, 800 at 8. With a threshold of 2 (three times the baseline, ~300 ms) the knee is concurrency 4.
        // The warm-up keeps the first connection's cost out of the baseline.
        try (MockServer server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(100)
                .itlMs(1).ttftPerInflightMs(100).build())) {
            Path base = dir.resolve("ramp");
            CliRun run = CliRun.of("profile", "-m", "mock-model", "--url", server.baseUrl(), "--streaming",
                    "--isl", "16", "--osl", "4", "--extra-inputs", "ignore_eos:true", "--tokenizer", "cl100k_base",
                    "--ui", "none", "--warmup-request-count", "2", "--search-recipe", "concurrency-ramp", "--concurrency-min", "1",
                    "--concurrency-max", "8", "--concurrency-steps", "4", "--degradation-threshold", "2",
                    "--degradation-metric-tag", "time_to_first_token", "--degradation-stat", "p50",
                    "--artifact-dir", base.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Answer: knee at concurrency 4: time_to_first_token p50 ");
            JsonNode knee = JSON.readTree(base.resolve("sweep_aggregate/degradation_knee.json").toFile());
            assertThat(knee.get("baseline_concurrency").asInt()).isEqualTo(1);
            assertThat(knee.get("knee_concurrency").asInt()).isEqualTo(4);
            assertThat(knee.get("knee_p50").asDouble()).isGreaterThan(knee.get("baseline_p50").asDouble() * 3);
            assertThat(knee.get("swept_param").asText()).isEqualTo("phases.profiling.concurrency");
            List<Integer> swept = new ArrayList<>();
            knee.get("all_points").forEach(p -> swept.add(p.get("concurrency").asInt()));
            assertThat(swept).containsExactly(1, 2, 4, 8);
            for (int c : new int[]{1, 2, 4, 8}) {
                assertThat(base.resolve("concurrency_" + c + "/profile_export_aiperf.json")).exists();
            }
            JsonNode sweep = JSON.readTree(base.resolve("sweep_aggregate/profile_export_aiperf_sweep.json").toFile());
            assertThat(sweep.at("/metadata/sweep_parameters/0/values").toString()).isEqualTo("[1,2,4,8]");
        }
    }

    @Test
    void aRampWithoutAKneeSaysSoAndWritesANullKnee() throws IOException {
        try (MockServer server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(5)
                .itlMs(1).build())) {
            Path base = dir.resolve("flat");
            CliRun run = CliRun.of("profile", "-m", "mock-model", "--url", server.baseUrl(), "--isl", "16", "--osl",
                    "4", "--extra-inputs", "ignore_eos:true", "--tokenizer", "cl100k_base", "--ui", "none",
                    "--request-count", "6", "--search-recipe", "concurrency-ramp", "--concurrency-max", "2",
                    "--concurrency-steps", "2", "--degradation-threshold", "50", "--artifact-dir", base.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Answer: no knee: request_latency p99 stayed at or below");
            JsonNode knee = JSON.readTree(base.resolve("sweep_aggregate/degradation_knee.json").toFile());
            assertThat(knee.has("knee_concurrency")).isTrue();
            assertThat(knee.get("knee_concurrency").isNull()).isTrue();
            assertThat(knee.get("stat").asText()).isEqualTo("p99");
        }
    }

    @Test
    void recipeOptionsAreCheckedBeforeAnyRequest() {
        Path never = dir.resolve("never");
        CliRun run = CliRun.of("profile", "--mock", "--search-recipe", "concurrency-ramp", "--concurrency-min", "8",
                "--concurrency-max", "4", "--degradation-metric-tag", "time_to_first_tokn", "--artifact-dir",
                never.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--concurrency-max (4) must be more than --concurrency-min (8)",
                "time_to_first_token");
        assertThat(never).doesNotExist();

        CliRun orphan = CliRun.of("profile", "--mock", "--degradation-threshold", "0.3", "--artifact-dir",
                never.toString());
        assertThat(orphan.exitCode()).isEqualTo(2);
        assertThat(orphan.err()).contains("--degradation-threshold belongs to --search-recipe concurrency-ramp");
        assertThat(never).doesNotExist();
    }
}
