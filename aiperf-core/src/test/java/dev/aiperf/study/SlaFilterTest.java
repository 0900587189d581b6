package dev.aiperf.study;

import dev.aiperf.slo.SloGate;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaFilterTest {
    private static final RunSummary RUN = new RunSummary("run_0001",
            Map.of("time_to_first_token_p95", 180.0, "request_count_avg", 95.0, "error_request_count_avg", 5.0,
                    "good_request_count_avg", 76.0),
            Map.of("time_to_first_token_p95", "ms"));

    @Test
    void parsesChecksAndJudges() {
        SlaFilter ttft = SlaFilter.parse("time_to_first_token:p95:le:200");
        assertThat(ttft).isEqualTo(new SlaFilter("time_to_first_token", "p95", "le", 200));
        assertThat(ttft.holds(ttft.observed(RUN))).isTrue();
        assertThat(SlaFilter.parse("time_to_first_token:p95:lt:180").holds(180.0)).isFalse();
        assertThat(ttft.describe()).isEqualTo("time_to_first_token p95 <= 200");
        // Not measured never holds.
        assertThat(SlaFilter.parse("inter_token_latency:p95:le:10").holds(
                SlaFilter.parse("inter_token_latency:p95:le:10").observed(RUN))).isFalse();
    }

    @Test
    void derivedRatiosAndGates() {
        assertThat(new SlaFilter("error_rate", "avg", "le", 0.1).observed(RUN)).isEqualTo(0.05);
        assertThat(new SlaFilter(SlaFilter.GOOD_REQUEST_FRACTION, "avg", "ge", 0.95).observed(RUN))
                .isEqualTo(0.8);
        assertThat(SlaFilter.of(SloGate.parse("time_to_first_token.p99<200")))
                .isEqualTo(new SlaFilter("time_to_first_token", "p99", "lt", 200));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> SlaFilter.parse("time_to_frist_token:p95:le:200"))
                .hasMessageContaining("--search-sla 'time_to_frist_token:p95:le:200'")
                .hasMessageContaining("time_to_first_token");
        assertThatThrownBy(() -> SlaFilter.parse("time_to_first_token:p95:under:200"))
                .hasMessageContaining("lt, le, gt, ge");
        assertThatThrownBy(() -> SlaFilter.parse("time_to_first_token:p95"))
                .hasMessageContaining("tag:stat:op:threshold");
    }
}
