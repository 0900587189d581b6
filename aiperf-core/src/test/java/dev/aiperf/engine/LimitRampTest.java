package dev.aiperf.engine;

import dev.aiperf.timing.ExponentialRamp;
import dev.aiperf.timing.LinearRamp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A limit (session or prefill) stepped along a ramp from 1 to its target (spec §2.7, discrete mode). */
class LimitRampTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aLinearRampRaisesTheLimitOneStepAtATimeOnTime() {
        ConcurrencyLimit limit = ConcurrencyLimit.of(5);
        LimitRamp ramp = LimitRamp.of(new LinearRamp(1, 5, 4.0), limit, 5);
        ramp.start(0);
        assertThat(limit.limit()).isEqualTo(1);
        assertThat(ramp.nextStepNs()).isEqualTo(S);
        assertThat(ramp.step(S - 1)).isFalse();
        assertThat(ramp.step(S)).isTrue();
        assertThat(limit.limit()).isEqualTo(2);
        // A late wake-up applies the value due then, not one step.
        assertThat(ramp.step(3 * S)).isTrue();
        assertThat(limit.limit()).isEqualTo(4);
        assertThat(ramp.step(4 * S)).isTrue();
        assertThat(limit.limit()).isEqualTo(5);
        assertThat(ramp.nextStepNs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anExponentialRampStepsLaterAtFirst() {
        ConcurrencyLimit limit = ConcurrencyLimit.of(5);
        LimitRamp ramp = LimitRamp.of(new ExponentialRamp(1, 5, 4.0), limit, 5);
        ramp.start(0);
        // Value 2 is a quarter of the way: at time fraction sqrt(1/4) = 1/2 of 4 s.
        assertThat(ramp.nextStepNs()).isEqualTo(2 * S);
    }

    @Test
    void nothingToRampWithoutARampOrATargetAboveOne() {
        assertThat(LimitRamp.of(null, ConcurrencyLimit.of(4), 4)).isNull();
        assertThat(LimitRamp.of(new LinearRamp(1, 1, 1.0), ConcurrencyLimit.of(1), 1)).isNull();
        assertThat(LimitRamp.of(new LinearRamp(1, 4, 1.0), ConcurrencyLimit.of(null), null)).isNull();
    }
}
