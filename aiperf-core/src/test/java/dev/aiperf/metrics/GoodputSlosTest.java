package dev.aiperf.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.aiperf.metrics.MetricTags.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --goodput} validation and normalisation (metrics spec §2.2 "Goodput and SLOs"). */
class GoodputSlosTest {
    private static final MetricApplicability STREAMING_CHAT =
            MetricApplicability.of(TestConfigs.builder().build(), TestConfigs.CHAT, MetricsEnvironment.DEFAULTS);

    @Test
    void thresholdsMoveFromDisplayToBaseUnitsAndKeepTheirDirection() {
        GoodputSlos slos = GoodputSlos.resolve(Map.of(TIME_TO_FIRST_TOKEN, 100.0,
                OUTPUT_TOKEN_THROUGHPUT_PER_USER, 50.0), STREAMING_CHAT);
        assertThat(slos.objectives()).containsExactly(
                new GoodputSlos.Objective(OUTPUT_TOKEN_THROUGHPUT_PER_USER, 50.0, true),
                new GoodputSlos.Objective(TIME_TO_FIRST_TOKEN, 100_000_000.0, false));
        assertThat(slos.objectives().get(0).isMetBy(50.0)).isTrue();
        assertThat(slos.objectives().get(0).isMetBy(49.9)).isFalse();
        assertThat(slos.objectives().get(1).isMetBy(100_000_000.0)).isTrue();
        assertThat(slos.objectives().get(1).isMetBy(100_000_001.0)).isFalse();
    }

    @Test
    void unknownTagSuggestsTheNearest() {
        assertThatThrownBy(() -> GoodputSlos.resolve(Map.of("time_to_frist_token", 100.0), STREAMING_CHAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--goodput: unknown metric 'time_to_frist_token'; did you mean 'time_to_first_token'?")
                .hasMessageContaining("Valid metrics for this run:").hasMessageContaining("request_latency");
    }

    @Test
    void derivedMetricsAreRejected() {
        assertThatThrownBy(() -> GoodputSlos.resolve(Map.of(REQUEST_THROUGHPUT, 10.0), STREAMING_CHAT))
                .hasMessageContaining("'request_throughput' is a run-level (derived) metric");
    }

    @Test
    void metricsThisRunDoesNotMeasureAreRejectedWithTheReason() {
        MetricApplicability nonStreaming = MetricApplicability.of(TestConfigs.builder().streaming(false).build(),
                TestConfigs.CHAT, MetricsEnvironment.DEFAULTS);
        assertThatThrownBy(() -> GoodputSlos.resolve(Map.of(TIME_TO_FIRST_TOKEN, 100.0), nonStreaming))
                .hasMessageContaining("'time_to_first_token' is not measured in this run (needs --streaming)")
                .hasMessageNotContaining("Valid metrics for this run: time_to_first_token");
    }

    @Test
    void processorConstructionReportsBadSlos() {
        assertThatThrownBy(() -> ActiveMetrics.forRun(TestConfigs.builder().goodput(Map.of("ttft", 1.0)).build(),
                TestConfigs.CHAT, MetricsEnvironment.DEFAULTS)).hasMessageContaining("unknown metric 'ttft'");
    }
}
