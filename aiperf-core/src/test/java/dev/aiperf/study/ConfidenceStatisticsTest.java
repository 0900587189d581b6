package dev.aiperf.study;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ConfidenceStatisticsTest {

    @Test
    void matchesScipyForFiveValues() {
        // numpy/scipy: mean 12, std(ddof=1) 1.5811388, t.ppf(0.975, 4) = 2.7764451
        ConfidenceStatistics s = ConfidenceStatistics.of(List.of(10.0, 11.0, 12.0, 13.0, 14.0), 0.95, "ms");
        assertThat(s.mean()).isEqualTo(12.0);
        assertThat(s.std()).isCloseTo(1.5811388300841898, within(1e-12));
        assertThat(s.min()).isEqualTo(10.0);
        assertThat(s.max()).isEqualTo(14.0);
        assertThat(s.cv()).isCloseTo(1.5811388300841898 / 12, within(1e-12));
        assertThat(s.se()).isCloseTo(0.7071067811865476, within(1e-12));
        assertThat(s.tCritical()).isCloseTo(2.7764451051977987, within(1e-9));
        assertThat(s.ciLow()).isCloseTo(12 - 2.7764451051977987 * 0.7071067811865476, within(1e-9));
        assertThat(s.ciHigh()).isCloseTo(12 + 2.7764451051977987 * 0.7071067811865476, within(1e-9));
        assertThat(s.unit()).isEqualTo("ms");
    }

    @Test
    void aZeroMeanHasAnInfiniteCvAndOneValueIsAnError() {
        assertThat(ConfidenceStatistics.of(List.of(0.0, 0.0), 0.95, "count").cv()).isInfinite();
        assertThatThrownBy(() -> ConfidenceStatistics.of(List.of(1.0), 0.95, "ms"))
                .hasMessageContaining("at least 2 values");
    }

    @Test
    void paretoKeepsOnlyUndominatedPoints() {
        // (throughput, latency): b dominates a; c and d trade off; e has no value.
        List<Boolean> flags = ParetoFrontier.optimal(java.util.Arrays.asList(10.0, 12.0, 20.0, 25.0, null),
                java.util.Arrays.asList(50.0, 40.0, 60.0, 90.0, 1.0));
        assertThat(flags).containsExactly(false, true, true, true, false);
    }

    @Test
    void layoutsFollowTheOriginal() {
        StudyCell c4 = new StudyCell("concurrency_4", java.util.Map.of("concurrency", 4), null);
        java.nio.file.Path base = java.nio.file.Path.of("b");
        StudyPlan repeated = new StudyPlan(base, java.util.Map.of("concurrency", List.of(4)), List.of(c4), 3,
                SweepMode.REPEATED, 0, 0, 0.95, true, false);
        assertThat(repeated.runDir(c4, 2)).isEqualTo(base.resolve("profile_runs/trial_0002/concurrency_4"));
        assertThat(repeated.cellAggregateDir(c4)).isEqualTo(base.resolve("aggregate/concurrency_4"));
        assertThat(repeated.sweepAggregateDir()).isEqualTo(base.resolve("aggregate/sweep_aggregate"));
        StudyPlan independent = new StudyPlan(base, java.util.Map.of("concurrency", List.of(4)), List.of(c4), 3,
                SweepMode.INDEPENDENT, 0, 0, 0.95, true, false);
        assertThat(independent.runDir(c4, 2)).isEqualTo(base.resolve("concurrency_4/profile_runs/trial_0002"));
        assertThat(independent.cellAggregateDir(c4)).isEqualTo(base.resolve("concurrency_4/aggregate"));
        assertThat(independent.sweepAggregateDir()).isEqualTo(base.resolve("sweep_aggregate"));
        StudyCell only = new StudyCell("profile", java.util.Map.of(), null);
        StudyPlan multi = new StudyPlan(base, java.util.Map.of(), List.of(only), 2, SweepMode.REPEATED, 0, 0, 0.95,
                true, false);
        assertThat(multi.runDir(only, 1)).isEqualTo(base.resolve("profile_runs/run_0001"));
        assertThat(multi.cellAggregateDir(only)).isEqualTo(base.resolve("aggregate"));
        assertThat(StudyCell.label(new java.util.LinkedHashMap<>(java.util.Map.of("request_rate", 5.0))))
                .isEqualTo("request_rate_5.0");
    }
}
