package dev.aiperf.slo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SloGateTest {
    @Test
    void parsesMetricStatisticOperatorAndThreshold() {
        assertThat(SloGate.parse("time_to_first_token.p99<200"))
                .isEqualTo(new SloGate("time_to_first_token", "p99", SloOperator.LESS, 200));
        assertThat(SloGate.parse(" request_throughput >= 50.5 "))
                .isEqualTo(new SloGate("request_throughput", "avg", SloOperator.GREATER_OR_EQUAL, 50.5));
        assertThat(SloGate.parse("error_rate<=1e-2").threshold()).isEqualTo(0.01);
        assertThat(SloGate.parse("inter_token_latency.P50>0").statistic()).isEqualTo("p50");
        assertThat(SloGate.parse("time_to_first_token.p99<200").text()).isEqualTo("time_to_first_token.p99 < 200");
        assertThat(SloGate.parse("error_rate<0.01").text()).isEqualTo("error_rate.avg < 0.01");
    }

    @Test
    void operatorsCompareAsWritten() {
        assertThat(SloOperator.LESS.holds(1, 1)).isFalse();
        assertThat(SloOperator.LESS_OR_EQUAL.holds(1, 1)).isTrue();
        assertThat(SloOperator.GREATER.holds(2, 1)).isTrue();
        assertThat(SloOperator.GREATER_OR_EQUAL.holds(0.5, 1)).isFalse();
    }

    @Test
    void mistakesGetOneMessageWithWhatWouldBeValid() {
        assertThatThrownBy(() -> SloGate.parse("ttft<")).hasMessageContaining("expected METRIC[.STAT] OP NUMBER");
        assertThatThrownBy(() -> SloGate.parse("time_to_first_token==3")).hasMessageContaining("OP one of");
        assertThatThrownBy(() -> SloGate.parse("time_to_first_token.p42<3"))
                .hasMessageContaining("unknown statistic 'p42'; valid: avg, min, max");
        assertThatThrownBy(() -> SloGate.parse("time_to_frist_token.p99<3"))
                .hasMessageContaining("unknown metric 'time_to_frist_token'; did you mean 'time_to_first_token'?");
    }
}
