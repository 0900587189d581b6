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

    @Test
    void thePrefillCurveFitsTtftAgainstTheInputLength() throws IOException {
        // The mock adds 1 ms of TTFT per uncached prompt token: from ISL 32 to 1024 the fitted curve rises by about
        // 1 s, far more than a busy machine's noise (the fit may be linear or, with noise, quadratic).
        try (MockServer server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(5)
                .itlMs(1).ttftPerInputTokenMs(1).build())) {
            Path base = dir.resolve("prefill");
            CliRun run = CliRun.of("profile", "-m", "mock-model", "--url", server.baseUrl(), "--streaming",
                    "--osl", "2", "--extra-inputs", "ignore_eos:true", "--tokenizer", "cl100k_base", "--ui", "none",
                    "--request-count", "3", "--warmup-request-count", "2", "--search-recipe", "prefill-ttft-curve",
                    "--isl-min", "32", "--isl-max", "1024", "--isl-steps", "3", "--artifact-dir", base.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Answer: time_to_first_token avg ≈ ", "Prefill curve");
            JsonNode curve = JSON.readTree(base.resolve("sweep_aggregate/prefill_curve.json").toFile());
            List<Double> isl = new ArrayList<>();
            curve.get("raw_points").forEach(p -> isl.add(p.get("isl").asDouble()));
            assertThat(isl).containsExactly(32.0, 181.0, 1024.0);
            assertThat(curve.get("r_squared").asDouble()).isGreaterThan(0.85);
            assertThat(curve.get("below_floor").asBoolean()).isFalse();
            List<Double> c = new ArrayList<>();
            curve.get("coefficients").forEach(v -> c.add(v.asDouble()));
            assertThat(c).hasSizeBetween(2, 3);
            assertThat(fitted(c, 1024) - fitted(c, 32)).isBetween(600.0, 1400.0);
            assertThat(curve.get("swept_param").asText()).isEqualTo("datasets.main.prompts.isl");
            // Every cell ran at concurrency 1 with its own input length.
            JsonNode longest = JSON.readTree(base.resolve("isl_1024__concurrency_1/profile_export_aiperf.json")
                    .toFile());
            assertThat(longest.at("/input_sequence_length/avg").asDouble()).isBetween(1000.0, 1050.0);
        }
    }

    /** The polynomial of {@code coefficients} (highest degree first) at {@code x}. */
    private static double fitted(List<Double> coefficients, double x) {
        double y = 0;
        for (double c : coefficients) {
            y = y * x + c;
        }
        return y;
    }

    @Test
    void theDecodeCurveWritesTheItlSurfaceOverConcurrencyAndOutputLength() throws IOException {
        try (MockServer server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(2)
                .itlMs(2).build())) {
            Path base = dir.resolve("decode");
            CliRun run = CliRun.of("profile", "-m", "mock-model", "--url", server.baseUrl(), "--streaming",
                    "--isl", "16", "--extra-inputs", "ignore_eos:true", "--tokenizer", "cl100k_base", "--ui", "none",
                    "--request-count", "4", "--search-recipe", "decode-itl-curve", "--concurrency-max", "2",
                    "--concurrency-steps", "2", "--osl-min", "4", "--osl-max", "16", "--osl-steps", "2",
                    "--artifact-dir", base.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Answer: inter_token_latency avg from ", "Decode ITL surface");
            JsonNode surface = JSON.readTree(base.resolve("sweep_aggregate/decode_itl_surface.json").toFile());
            assertThat(surface.at("/surface/concurrency_axis").toString()).isEqualTo("[1.0,2.0]");
            assertThat(surface.at("/surface/osl_axis").toString()).isEqualTo("[4.0,16.0]");
            surface.at("/surface/itl_grid").forEach(row -> row.forEach(v -> assertThat(v.asDouble()).isPositive()));
            assertThat(surface.get("surface_fit_failed").asBoolean()).isFalse();
            assertThat(surface.get("raw_points")).hasSize(4);
            JsonNode cell = JSON.readTree(base.resolve("concurrency_2__osl_16/profile_export_aiperf.json").toFile());
            // ignore_eos makes the mock generate the requested length (give or take a token the client's
            // tokenizer splits differently).
            assertThat(cell.at("/output_sequence_length/avg").asDouble()).isBetween(15.0, 17.0);
        }
    }

    @Test
    void theParetoSweepMarksTheFrontierOfPairedShapes() throws IOException {
        try (MockServer server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(2)
                .itlMs(1).build())) {
            Path base = dir.resolve("pareto");
            CliRun run = CliRun.of("profile", "-m", "mock-model", "--url", server.baseUrl(), "--streaming",
                    "--extra-inputs", "ignore_eos:true", "--tokenizer", "cl100k_base", "--ui", "none",
                    "--request-count", "4", "--search-recipe", "pareto-sweep", "--isl-osl-pairs", "16/4,64/8",
                    "--concurrency", "1,2", "--artifact-dir", base.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains(" cells are Pareto-optimal");
            JsonNode pareto = JSON.readTree(base.resolve("sweep_aggregate/pareto_sweep.json").toFile());
            assertThat(pareto.get("x_metric").asText()).isEqualTo("time_to_first_token");
            assertThat(pareto.get("y_metric").asText()).isEqualTo("output_token_throughput");
            List<String> shapes = new ArrayList<>();
            pareto.get("cells").forEach(c -> shapes.add(c.get("isl").asInt() + "/" + c.get("osl").asInt() + "@"
                    + c.get("concurrency").asInt()));
            assertThat(shapes).containsExactly("16/4@1", "16/4@2", "64/8@1", "64/8@2");
            List<Boolean> optimal = new ArrayList<>();
            pareto.get("cells").forEach(c -> optimal.add(c.get("pareto_optimal").asBoolean()));
            assertThat(optimal).contains(true);
            JsonNode cell = JSON.readTree(base.resolve("shape_64_8_c2/profile_export_aiperf.json").toFile());
            assertThat(cell.at("/output_sequence_length/avg").asDouble()).isBetween(7.0, 9.0);
        }
    }

    @Test
    void theSlaGridStyleReportsTheBoundaryOfTheGrid() throws IOException {
        // TTFT = 100 ms + 100 ms per other request in flight: p95 about 100 ms at 1, 200 at 2, 400 at 4.
        try (MockServer server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(100)
                .itlMs(1).ttftPerInflightMs(100).build())) {
            Path base = dir.resolve("slagrid");
            CliRun run = CliRun.of("profile", "-m", "mock-model", "--url", server.baseUrl(), "--streaming",
                    "--isl", "16", "--osl", "4", "--extra-inputs", "ignore_eos:true", "--tokenizer", "cl100k_base",
                    "--ui", "none", "--warmup-request-count", "2", "--search-recipe", "max-concurrency-under-sla",
                    "--search-style", "grid", "--concurrency-max", "4", "--concurrency-steps", "3",
                    "--ttft-sla-ms", "300", "--error-rate-sla", "0.5", "--search-metric", "output_token_throughput",
                    "--search-direction", "maximize", "--artifact-dir", base.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Answer: highest concurrency meeting the SLA: 2 (4 breaks it:"
                    + " time_to_first_token p95 ");
            JsonNode breach = JSON.readTree(base.resolve("sweep_aggregate/sla_breach.json").toFile());
            assertThat(breach.get("max_passing_concurrency").asInt()).isEqualTo(2);
            assertThat(breach.get("first_failing_concurrency").asInt()).isEqualTo(4);
            assertThat(breach.at("/first_failing_breach/metric_tag").asText()).isEqualTo("time_to_first_token");
            assertThat(breach.at("/first_failing_breach/op").asText()).isEqualTo("lt");
            assertThat(breach.get("monotonicity_check").asBoolean()).isTrue();
            assertThat(breach.at("/filters/1/metric_tag").asText()).isEqualTo("request_error_rate");
            assertThat(breach.at("/filters/1/threshold").asDouble()).isEqualTo(50.0);
            // The best passing concurrency by output token throughput is one of the two that pass.
            assertThat(breach.at("/best/concurrency").asInt()).isIn(1, 2);
            assertThat(breach.at("/best/objective_direction").asText()).isEqualTo("maximize");
            assertThat(run.out()).contains("Best by output_token_throughput avg (maximize) among the passing:"
                    + " concurrency ");
        }
    }

    @Test
    void theErrorRateSlaJudgesTheShareOfFailedRequests() throws IOException {
        // Half the requests fail: a 10 % error SLA breaks at the lowest concurrency, so nothing passes.
        try (MockServer server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(1)
                .itlMs(1).errorRatePercent(50).randomSeed(7L).build())) {
            Path base = dir.resolve("errors");
            CliRun run = CliRun.of("profile", "-m", "mock-model", "--url", server.baseUrl(), "--isl", "8", "--osl",
                    "2", "--tokenizer", "cl100k_base", "--ui", "none", "--request-count", "8",
                    "--search-recipe", "max-concurrency-under-sla", "--search-space", "concurrency:1,4",
                    "--error-rate-sla", "0.1", "--search-metric", "request_latency", "--search-stat", "p50",
                    "--search-direction", "minimize", "--artifact-dir", base.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).contains("probe 1: concurrency=1: SLA broken (request_error_rate avg < 10: ");
            JsonNode history = JSON.readTree(base.resolve("search_history.json").toFile());
            assertThat(history.get("convergence_reason").asText()).isEqualTo("lower_bound_fails");
            assertThat(history.at("/config/objective_metric").asText()).isEqualTo("request_latency");
            assertThat(history.at("/config/objective_stat").asText()).isEqualTo("p50");
            assertThat(history.at("/config/objective_direction").asText()).isEqualTo("minimize");
            assertThat(history.get("best").isNull()).isTrue();
            assertThat(history.at("/boundary_summary/infeasible_min/first_breach/metric_tag").asText())
                    .isEqualTo("request_error_rate");
            assertThat(history.at("/boundary_summary/infeasible_min/first_breach/observed").asDouble())
                    .isBetween(10.0, 90.0);
        }
    }

    @Test
    void slaShorthandsAndRecipeMisuseAreUsageErrors() {
        Path never = dir.resolve("never");
        CliRun run = CliRun.of("profile", "--mock", "--streaming", "--search-recipe", "max-concurrency-under-sla",
                "--itl-sla-ms", "10", "--tpot-sla-ms", "20", "--error-rate-sla", "2", "--artifact-dir",
                never.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--itl-sla-ms (10.0) and --tpot-sla-ms (20.0) name the same",
                "--error-rate-sla is a fraction of requests from 0 to 1");

        CliRun pareto = CliRun.of("profile", "--mock", "--search-recipe", "pareto-sweep", "--isl", "64",
                "--isl-osl-pairs", "128/x", "--artifact-dir", never.toString());
        assertThat(pareto.exitCode()).isEqualTo(2);
        assertThat(pareto.err()).contains("--isl is set by --search-recipe pareto-sweep in every cell",
                "--isl-osl-pairs: '128/x' is not isl/osl", "pareto-sweep needs --streaming");

        CliRun prefill = CliRun.of("profile", "--mock", "--streaming", "--search-recipe", "prefill-ttft-curve",
                "--osl-min", "8", "--artifact-dir", never.toString());
        assertThat(prefill.exitCode()).isEqualTo(2);
        assertThat(prefill.err()).contains("--osl-min belongs to --search-recipe decode-itl-curve, not"
                + " prefill-ttft-curve");

        CliRun objective = CliRun.of("profile", "--mock", "--search-recipe", "max-concurrency-under-sla",
                "--e2e-sla-ms", "100", "--search-metric", "output_token_throughput", "--search-stat", "p42",
                "--artifact-dir", never.toString());
        assertThat(objective.exitCode()).isEqualTo(2);
        assertThat(objective.err()).contains("--search-stat must be one of avg, p50, p90, p95, p99, got 'p42'",
                "--search-direction must be maximize or minimize (--search-metric needs it)");
        assertThat(never).doesNotExist();
    }
}
