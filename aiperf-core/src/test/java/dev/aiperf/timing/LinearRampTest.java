package dev.aiperf.timing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LinearRampTest {

    @Test
    void concurrencyRampStepsFromOneToTheTarget() {
        LinearRamp ramp = LinearRamp.concurrency(5, 8);
        assertThat(ramp.valueAt(0)).isEqualTo(1);
        assertThat(Math.floor(ramp.valueAt(1.99))).isEqualTo(1);
        assertThat(Math.floor(ramp.valueAt(2.0))).isEqualTo(2);
        assertThat(ramp.timeOf(3)).isEqualTo(4.0);
        assertThat(ramp.valueAt(8)).isEqualTo(5);
        assertThat(ramp.valueAt(100)).isEqualTo(5);
    }

    @Test
    void rateRampStartsAtOneUpdateIntervalsWorth() {
        LinearRamp ramp = LinearRamp.rate(100, 60);
        assertThat(ramp.start()).isCloseTo(100 * 0.1 / 60, within(1e-12));
        assertThat(ramp.valueAt(30)).isCloseTo(ramp.start() + (100 - ramp.start()) / 2, within(1e-9));
        assertThat(ramp.valueAt(60)).isEqualTo(100);
    }
}
