package dev.aiperf.timing;

import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.endpoint.Contexts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The strategy's arithmetic on a fake clock: ticks are absolute times, never a catch-up burst. */
class RequestRateStrategyTest {
    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private static RequestRateStrategy constant(double rate) {
        var config = TimingConfigs.rate(rate, "constant", null, 1L, null);
        return new RequestRateStrategy(Contexts.timing(config, new ConstantArrivalPattern(Contexts.arrival(config))));
    }

    @Test
    void ticksAreScheduledFromThePhaseStartWithoutDrift() {
        RequestRateStrategy strategy = constant(100);
        for (int k = 1; k <= 1000; k++) {
            // The engine asks right after each tick, a little late every time; the schedule does not slip.
            long now = START + (k - 1) * 10 * MS + 3 * MS / 10;
            assertThat(strategy.nextSendTime(START, now)).isEqualTo(START + k * 10 * MS);
        }
    }

    @Test
    void aLateEngineGetsOneLateTickAndThenTheNormalSpacingFromNow() {
        RequestRateStrategy strategy = constant(100);
        assertThat(strategy.nextSendTime(START, START)).isEqualTo(START + 10 * MS);
        long late = START + 500 * MS;
        // The missed tick keeps its planned time (it fires at once), the next one is planned from now.
        assertThat(strategy.nextSendTime(START, late)).isEqualTo(START + 20 * MS);
        assertThat(strategy.nextSendTime(START, late)).isEqualTo(late + 10 * MS);
        assertThat(strategy.nextSendTime(START, late + 10 * MS)).isEqualTo(late + 20 * MS);
    }

    @Test
    void burstTicksAreAlwaysNow() {
        var config = TimingConfigs.rate(null, "concurrency_burst", null, 1L, null);
        RequestRateStrategy strategy = new RequestRateStrategy(Contexts.timing(config,
                new ConcurrencyBurstArrivalPattern()));
        assertThat(strategy.nextSendTime(START, START)).isEqualTo(START);
        assertThat(strategy.nextSendTime(START, START + 7)).isEqualTo(START + 7);
        assertThat(strategy.nextSendTime(START, START + 300 * MS)).isEqualTo(START + 300 * MS);
    }

    @Test
    void setRateChangesTheSpacingOfLaterTicks() {
        RequestRateStrategy strategy = constant(100);
        assertThat(strategy.nextSendTime(START, START)).isEqualTo(START + 10 * MS);
        strategy.setRate(10);
        // The tick after the next was already planned at the old rate; the following ones use the new one.
        assertThat(strategy.nextSendTime(START, START + 10 * MS)).isEqualTo(START + 20 * MS);
        assertThat(strategy.nextSendTime(START, START + 20 * MS)).isEqualTo(START + 120 * MS);
    }

    @Test
    void aRateRampFollowsTheLinearRampOfTheExpectedCount() {
        double target = 100;
        double rampSeconds = 10;
        var config = TimingConfigs.rate(target, "constant", null, 1L, rampSeconds);
        RequestRateStrategy strategy = new RequestRateStrategy(Contexts.timing(config,
                new ConstantArrivalPattern(Contexts.arrival(config))));
        LinearRamp ramp = new LinearRamp(target * RequestRateStrategy.RATE_UPDATE_INTERVAL_SECONDS / rampSeconds,
                target, rampSeconds);
        long tick = START;
        int count = 0;
        while (tick - START < 20_000 * MS) {
            tick = strategy.nextSendTime(START, tick);
            double t = (tick - START) / 1e9;
            count++;
            // Work arrived by t = integral of the ramped rate: count must match it to within one tick.
            double expected = t < rampSeconds
                    ? ramp.start() * t + (target - ramp.start()) / rampSeconds * t * t / 2
                    : ramp.start() * rampSeconds + (target - ramp.start()) * rampSeconds / 2 + (t - rampSeconds) * target;
            assertThat((double) count).isCloseTo(expected, within(1.0));
        }
        assertThat(count).isBetween(1490, 1510); // 10 s ramp (~500) + 10 s at 100/s (1000)
    }

    @Test
    void theFirstTickComesOneIntervalAfterTheStart() {
        ArrivalPattern fixed = () -> 0.25;
        var config = TimingConfigs.rate(4.0, "constant", null, 1L, null);
        RequestRateStrategy strategy = new RequestRateStrategy(Contexts.timing(config, fixed));
        assertThat(strategy.nextSendTime(START, START)).isEqualTo(START + 250 * MS);
    }
}
