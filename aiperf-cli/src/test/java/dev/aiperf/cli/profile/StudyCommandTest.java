package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Sweeps and repeated runs from the command line, end to end against the embedded mock on loopback. */
class StudyCommandTest {
    /** The aggregate writes a cv of {@code Infinity} for a mean of 0, as Python's json module does. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

    @TempDir
    Path dir;

    private static CliRun profile(Path artifacts, String... extra) {
        List<String> args = new ArrayList<>(List.of("profile", "--mock", "--mock-ttft", "2", "--mock-itl", "0.5",
                "--streaming", "--isl", "16", "--osl", "4", "--extra-inputs", "ignore_eos:true", "--tokenizer",
                "cl100k_base", "--ui", "none", "--artifact-dir", artifacts.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aConcurrencyListRunsOneProfilePerValueAndWritesTheSweepAggregate() throws IOException {
        Path base = dir.resolve("sweep");
        CliRun run = profile(base, "--concurrency", "1,2,4", "--request-count", "8");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("run 1/3: concurrency=1", "run 2/3: concurrency=2", "run 3/3: concurrency=4");
        for (int c : new int[]{1, 2, 4}) {
            JsonNode summary = JSON.readTree(base.resolve("concurrency_" + c + "/profile_export_aiperf.json").toFile());
            assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(8.0);
            assertThat(summary.at("/input_config/loadgen/concurrency").asInt(c)).isEqualTo(c);
        }
        JsonNode sweep = JSON.readTree(base.resolve("sweep_aggregate/profile_export_aiperf_sweep.json").toFile());
        assertThat(sweep.get("aggregation_type").asText()).isEqualTo("sweep");
        assertThat(sweep.get("num_profile_runs").asInt()).isEqualTo(3);
        assertThat(sweep.get("num_successful_runs").asInt()).isEqualTo(3);
        assertThat(sweep.at("/metadata/sweep_parameters/0/name").asText()).isEqualTo("concurrency");
        assertThat(sweep.at("/metadata/sweep_parameters/0/values").toString()).isEqualTo("[1,2,4]");
        assertThat(sweep.at("/metadata/num_combinations").asInt()).isEqualTo(3);
        JsonNode cells = sweep.get("per_combination_metrics");
        assertThat(cells).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode cell = cells.get(i);
            assertThat(cell.at("/parameters/concurrency").asInt()).isEqualTo(new int[]{1, 2, 4}[i]);
            // One run per value: mean and unit only, the mean equal to that run's own summary.
            JsonNode own = JSON.readTree(base.resolve("concurrency_" + new int[]{1, 2, 4}[i]
                    + "/profile_export_aiperf.json").toFile());
            assertThat(cell.at("/metrics/request_throughput_avg/mean").asDouble())
                    .isEqualTo(own.at("/request_throughput/avg").asDouble());
            assertThat(cell.at("/metrics/time_to_first_token_p99/unit").asText()).isEqualTo("ms");
            assertThat(cell.at("/metrics/request_throughput_avg").has("std")).isFalse();
        }
        assertThat(sweep.get("pareto_optimal").size()).isBetween(1, 3);
        assertThat(sweep.at("/best_configurations/best_throughput/parameters").has("concurrency")).isTrue();
        String csv = Files.readString(base.resolve("sweep_aggregate/profile_export_aiperf_sweep.csv"));
        assertThat(csv).startsWith("concurrency,request_throughput_avg_mean,request_throughput_avg_std,")
                .contains("Best Configurations", "Pareto Optimal Points", "Aggregation Type,sweep");
        // The summary table: printed and written, Pareto rows marked.
        String table = Files.readString(base.resolve("sweep_aggregate/sweep_summary.txt"));
        assertThat(run.out()).contains(table.lines().findFirst().orElseThrow(), "TTFT p99 ms", "req/s");
        assertThat(table.lines().filter(l -> l.startsWith("*")).count())
                .isEqualTo(sweep.get("pareto_optimal").size());

        // The study's report.html: the same cells and Pareto flags as the JSON, a link to each cell's own report.
        Path page = base.resolve("sweep_aggregate/report.html");
        assertThat(run.out()).contains("sweep aggregate: " + page);
        JsonNode study = reportData(page).get("study");
        assertThat(study.get("throughput_key").asText()).isEqualTo("request_throughput_avg");
        assertThat(study.get("latency_key").asText()).isEqualTo(sweep.at("/metadata/pareto_objectives/minimize").asText());
        assertThat(study.get("cells")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode cell = study.get("cells").get(i);
            assertThat(cell.get("label").asText()).isEqualTo(cells.get(i).get("label").asText());
            assertThat(cell.get("pareto_optimal").asBoolean()).isEqualTo(cells.get(i).get("pareto_optimal").asBoolean());
            assertThat(cell.at("/statistics/request_throughput_avg/mean").asDouble())
                    .isEqualTo(cells.get(i).at("/metrics/request_throughput_avg/mean").asDouble());
            assertThat(cell.at("/statistics/request_throughput_avg/ci_low").isNull()).as("one run: no interval").isTrue();
            String link = cell.at("/runs/0/report").asText();
            assertThat(link).isEqualTo("../" + cells.get(i).get("label").asText() + "/report.html");
            assertThat(base.resolve("sweep_aggregate").resolve(link)).isRegularFile();
        }
    }

    /** The JSON a report.html draws itself from. */
    static JsonNode reportData(Path page) throws IOException {
        String html = Files.readString(page);
        String open = "<script type=\"application/json\" id=\"aiperf-data\">";
        int start = html.indexOf(open) + open.length();
        assertThat(html).doesNotContain("<script src", "<link rel=\"stylesheet\"");
        return JSON.readTree(html.substring(start, html.indexOf("</script>", start)));
    }

    @Test
    void repeatedRunsWriteTheConfidenceAggregateInTheOriginalsFormat() throws IOException {
        Path base = dir.resolve("multi");
        CliRun run = profile(base, "--concurrency", "2", "--request-count", "6", "--num-profile-runs", "3",
                "--profile-run-cooldown-seconds", "0.05", "--confidence-level", "0.9", "--warmup-request-count", "2",
                "--slice-duration", "5");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("run 1/3: run_0001", "run 3/3: run_0003", "cooling down for 0.05 s");
        assertThat(run.out()).contains("Across runs: 3 runs, mean ± 90% confidence interval",
                "Request throughput (req/s)", "TTFT p99 (ms)");
        List<Double> throughputs = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            Path runDir = base.resolve(String.format("profile_runs/run_%04d", r));
            JsonNode summary = JSON.readTree(runDir.resolve("profile_export_aiperf.json").toFile());
            throughputs.add(summary.at("/request_throughput/avg").asDouble());
            // The same workload every run: seed 42 when none is given.
            assertThat(summary.at("/input_config/input/random_seed").asLong(42)).isEqualTo(42);
            // Every run keeps the output and telemetry settings: server metrics (on by default), time slices.
            assertThat(runDir.resolve("server_metrics_export.json")).exists();
            assertThat(runDir.resolve("profile_export_aiperf_timeslices.json")).exists();
        }
        JsonNode aggregate = JSON.readTree(base.resolve("aggregate/profile_export_aiperf_aggregate.json").toFile());
        assertThat(aggregate.get("schema_version").asText()).isEqualTo("1.0");
        JsonNode metadata = aggregate.get("metadata");
        assertThat(metadata.get("aggregation_type").asText()).isEqualTo("confidence");
        assertThat(metadata.get("num_profile_runs").asInt()).isEqualTo(3);
        assertThat(metadata.get("num_successful_runs").asInt()).isEqualTo(3);
        assertThat(metadata.get("failed_runs")).isEmpty();
        assertThat(metadata.get("confidence_level").asDouble()).isEqualTo(0.9);
        assertThat(metadata.get("cooldown_seconds").asDouble()).isEqualTo(0.05);
        assertThat(metadata.get("run_labels").toString()).isEqualTo("[\"run_0001\",\"run_0002\",\"run_0003\"]");

        JsonNode throughput = aggregate.at("/metrics/request_throughput_avg");
        assertThat(throughput.fieldNames()).toIterable().containsExactly("mean", "std", "min", "max", "cv", "se",
                "ci_low", "ci_high", "t_critical", "unit");
        double mean = throughputs.stream().mapToDouble(d -> d).sum() / 3;
        double std = Math.sqrt(throughputs.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / 2);
        assertThat(throughput.get("mean").asDouble()).isCloseTo(mean, within(1e-9 * mean));
        assertThat(throughput.get("std").asDouble()).isCloseTo(std, within(1e-9 * mean));
        // t(0.95, 2) for a 90% interval.
        assertThat(throughput.get("t_critical").asDouble()).isCloseTo(2.919986, within(1e-6));
        double se = std / Math.sqrt(3);
        assertThat(throughput.get("ci_low").asDouble()).isCloseTo(mean - 2.919986 * se, within(1e-5 * mean));
        assertThat(throughput.get("unit").asText()).isEqualTo("requests/sec");
        assertThat(aggregate.at("/metrics/time_to_first_token_p99/unit").asText()).isEqualTo("ms");

        JsonNode collated = JSON.readTree(base.resolve("aggregate/profile_export_aiperf_collated.json").toFile());
        assertThat(collated.get("schema_version").asText()).isEqualTo("1.0.0");
        // Every run's 6 requests pooled: 18 request latencies, the same as the per-run record files hold.
        assertThat(collated.at("/combined/request_latency/count").asInt()).isEqualTo(18);
        assertThat(collated.at("/combined/request_latency").fieldNames()).toIterable()
                .containsExactly("mean", "std", "p50", "p90", "p95", "p99", "count", "unit");
        assertThat(collated.get("per_run")).hasSize(3);
        assertThat(collated.at("/per_run/0/run_label").asText()).isEqualTo("run_0001");
        assertThat(collated.at("/per_run/0/metrics/request_latency/count").asInt()).isEqualTo(6);
        List<String> csv = Files.readAllLines(base.resolve("aggregate/profile_export_aiperf_aggregate.csv"));
        assertThat(csv.getFirst()).isEqualTo("metric,mean,std,min,max,cv,se,ci_low,ci_high,t_critical,unit");
        String row = csv.stream().filter(l -> l.startsWith("request_throughput_avg,")).findFirst().orElseThrow();
        assertThat(row.split(",")[5]).matches("\\d+\\.\\d{4}");
        assertThat(row.split(",")[1]).matches("\\d+\\.\\d{2}");
        assertThat(csv).contains("Aggregation Type,confidence", "Total Runs,3", "Successful Runs,3");

        // report.html next to the aggregate: the same interval, and a link to each run's own report.
        JsonNode study = reportData(base.resolve("aggregate/report.html")).get("study");
        assertThat(study.get("parameters")).isEmpty();
        assertThat(study.get("runs_per_cell").asInt()).isEqualTo(3);
        JsonNode cell = study.get("cells").get(0);
        for (String stat : List.of("mean", "std", "ci_low", "ci_high", "cv")) {
            assertThat(cell.at("/statistics/request_throughput_avg/" + stat).asDouble()).as(stat)
                    .isEqualTo(throughput.get(stat).asDouble());
        }
        assertThat(cell.at("/statistics/request_throughput_avg/n").asInt()).isEqualTo(3);
        assertThat(cell.get("runs")).extracting(r -> r.get("report").asText()).containsExactly(
                "../profile_runs/run_0001/report.html", "../profile_runs/run_0002/report.html",
                "../profile_runs/run_0003/report.html");
    }

    @Test
    void sloGatesJudgeEveryRunOfASweep() throws IOException {
        Path base = dir.resolve("gated");
        CliRun run = profile(base, "--concurrency", "1,2", "--request-count", "4", "--slo",
                "request_count>=4", "--slo", "time_to_first_token.p99<0.001", "--no-html-report");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        // --no-html-report: no run's report and no study report either
        assertThat(base.resolve("sweep_aggregate/report.html")).doesNotExist();
        assertThat(base.resolve("concurrency_1/report.html")).doesNotExist();
        assertThat(base.resolve("sweep_aggregate/profile_export_aiperf_sweep.json")).isRegularFile();
        assertThat(run.out()).contains("SLO gates of concurrency=1:", "SLO gates of concurrency=2:");
        for (String cell : List.of("concurrency_1", "concurrency_2")) {
            assertThat(base.resolve(cell).resolve("slo_results.json")).exists();
        }
    }

    @Test
    void aBadListValueIsOneUsageErrorNamingTheOption() {
        CliRun run = profile(dir.resolve("bad"), "--concurrency", "1,x,4");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--concurrency list '1,x,4': 'x' is not an integer");
        CliRun tooMany = profile(dir.resolve("bad2"), "--num-profile-runs", "11");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--num-profile-runs must be 1 to 10, got 11");
    }

    @Test
    void cacheBustMarksEveryConversationUniquelyInEveryRun() throws IOException {
        Path base = dir.resolve("bust");
        CliRun run = profile(base, "--concurrency", "2", "--request-count", "4", "--num-dataset-entries", "5",
                "--num-profile-runs", "2", "--cache-bust", "first_turn_prefix");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        java.util.Set<String> markers = new java.util.HashSet<>();
        for (String r : List.of("run_0001", "run_0002")) {
            JsonNode inputs = JSON.readTree(base.resolve("profile_runs/" + r + "/inputs.json").toFile());
            assertThat(inputs.at("/data")).hasSize(5);
            for (JsonNode session : inputs.at("/data")) {
                String text = session.at("/payloads/0/messages/0/content").asText();
                assertThat(text).matches("(?s)\\[rid:[0-9a-f]{12}\\] .+");
                markers.add(text.substring(0, 18));
            }
        }
        // Unique per conversation and per run, even with the same seed.
        assertThat(markers).hasSize(10);
        CliRun bad = profile(dir.resolve("bad"), "--cache-bust", "middle");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--cache-bust must be one of none, system_prefix, system_suffix,"
                + " first_turn_prefix, first_turn_suffix, got 'middle'");
    }
}
