package dev.aiperf.study.recipe;

import dev.aiperf.study.CellResult;
import dev.aiperf.study.RunSummary;
import dev.aiperf.study.SlaFilter;
import dev.aiperf.study.SweepAggregate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recipes' analyses on known sweeps: the figures upstream's handlers give for the same points. */
class RecipeAnalysesTest {
    /** A one-run cell with {@code parameters} and metric values ({@code <tag>_<stat>} to value, in ms). */
    private static CellResult cell(Map<String, Object> parameters, Map<String, Double> values) {
        Map<String, String> units = new LinkedHashMap<>();
        values.keySet().forEach(k -> units.put(k, "ms"));
        return new CellResult(String.valueOf(parameters), parameters,
                List.of(new RunSummary("run_0001", values, units)), List.of());
    }

    private static SweepAggregate sweep(List<CellResult> cells) {
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        cells.forEach(c -> c.parameters().forEach((k, v) -> parameters.computeIfAbsent(k, x -> new ArrayList<>())
                .add(v)));
        return new SweepAggregate(parameters, cells, 0.95);
    }

    @Test
    void theKneeIsTheFirstValueOverBaselineTimesOnePlusThreshold() {
        // Upstream's docstring example: baseline 10 ms, threshold 20 % -> cutoff 12 ms; 12.5 at 100 is the knee.
        SweepAggregate ramp = sweep(List.of(
                cell(Map.of("concurrency", 50), Map.of("request_latency_p99", 11.5)),
                cell(Map.of("concurrency", 1), Map.of("request_latency_p99", 10.0)),
                cell(Map.of("concurrency", 10), Map.of("request_latency_p99", 11.0)),
                cell(Map.of("concurrency", 100), Map.of("request_latency_p99", 12.5))));
        DegradationKnee knee = new DegradationKnee(0.2, "request_latency", "p99", "concurrency");
        Map<String, Object> out = knee.process(ramp);
        assertThat(out.get("baseline_concurrency")).isEqualTo(1);
        assertThat(out.get("knee_concurrency")).isEqualTo(100);
        assertThat(out.get("knee_p99")).isEqualTo(12.5);
        assertThat(knee.report(out)).startsWith("Answer: knee at concurrency 100: request_latency p99 12.5 ms > 12 ms");
    }

    @Test
    void aZeroBaselineGivesNoKneeButAReason() {
        SweepAggregate ramp = sweep(List.of(cell(Map.of("concurrency", 1), Map.of("request_latency_p99", 0.0)),
                cell(Map.of("concurrency", 2), Map.of("request_latency_p99", 3.0))));
        assertThatThrownBy(() -> new DegradationKnee(0.2, "request_latency", "p99", "concurrency").process(ramp))
                .hasMessageContaining("a knee needs a positive baseline");
    }

    @Test
    void aStraightLineFitsLinearlyAndACurveFallsBackToQuadratic() {
        SweepAggregate line = sweep(List.of(
                cell(Map.of("isl", 256, "concurrency", 1), Map.of("time_to_first_token_avg", 12.0)),
                cell(Map.of("isl", 512, "concurrency", 1), Map.of("time_to_first_token_avg", 24.0)),
                cell(Map.of("isl", 1024, "concurrency", 1), Map.of("time_to_first_token_avg", 48.0))));
        Map<String, Object> linear = new TtftCurveFit("time_to_first_token", "avg").process(line);
        assertThat(linear.get("fit_form")).isEqualTo("linear");
        @SuppressWarnings("unchecked") List<Double> ab = (List<Double>) linear.get("coefficients");
        assertThat(ab.get(0)).isCloseTo(12.0 / 256, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ab.get(1)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat((Double) linear.get("r_squared")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        // y = x² on x = 1..5 but with a flat start: a line explains it poorly (r² < 0.85), a parabola well.
        List<CellResult> cells = new ArrayList<>();
        double[] ys = {10, 1, 0, 1, 10};
        for (int i = 0; i < ys.length; i++) {
            cells.add(cell(Map.of("isl", i + 1, "concurrency", 1), Map.of("time_to_first_token_avg", ys[i])));
        }
        Map<String, Object> curve = new TtftCurveFit("time_to_first_token", "avg").process(sweep(cells));
        assertThat(curve.get("fit_form")).isEqualTo("quadratic");
        assertThat((List<?>) curve.get("coefficients")).hasSize(3);
        assertThat((Double) curve.get("r_squared")).isGreaterThan(0.85);
    }

    @Test
    void paretoCellsAreFlaggedByTtftAgainstThroughput() {
        SweepAggregate shapes = sweep(List.of(
                cell(Map.of("isl", 128, "osl", 128, "concurrency", 1),
                        Map.of("time_to_first_token_p95", 10.0, "output_token_throughput_avg", 50.0)),
                cell(Map.of("isl", 128, "osl", 128, "concurrency", 4),
                        Map.of("time_to_first_token_p95", 20.0, "output_token_throughput_avg", 150.0)),
                cell(Map.of("isl", 512, "osl", 256, "concurrency", 1),
                        Map.of("time_to_first_token_p95", 30.0, "output_token_throughput_avg", 40.0))));
        Map<String, Object> out = new ParetoSweepExport("time_to_first_token", "p95", "output_token_throughput",
                "avg").process(shapes);
        @SuppressWarnings("unchecked") List<Map<String, Object>> cells = (List<Map<String, Object>>) out.get("cells");
        assertThat(cells).extracting(c -> c.get("pareto_optimal")).containsExactly(true, true, false);
    }

    @Test
    void theSlaBoundaryIsTheHighestPassingAndLowestFailingValue() {
        SweepAggregate grid = sweep(List.of(
                cell(Map.of("concurrency", 1), Map.of("time_to_first_token_p95", 100.0)),
                cell(Map.of("concurrency", 4), Map.of("time_to_first_token_p95", 190.0)),
                cell(Map.of("concurrency", 16), Map.of("time_to_first_token_p95", 400.0)),
                cell(Map.of("concurrency", 64), Map.of("time_to_first_token_p95", 150.0))));
        SlaBreachKnee knee = new SlaBreachKnee(List.of(new SlaFilter("time_to_first_token", "p95", "lt", 200)),
                "concurrency");
        Map<String, Object> out = knee.process(grid);
        assertThat(out.get("max_passing_concurrency")).isEqualTo(64);
        assertThat(out.get("first_failing_concurrency")).isEqualTo(16);
        assertThat(out.get("monotonicity_check")).isEqualTo(false);
        @SuppressWarnings("unchecked") Map<String, Object> breach = (Map<String, Object>) out.get("first_failing_breach");
        assertThat(breach.get("observed")).isEqualTo(400.0);
        assertThat(knee.report(out)).contains("not monotonic");
    }
}
