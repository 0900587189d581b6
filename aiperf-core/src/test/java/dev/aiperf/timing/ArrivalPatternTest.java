package dev.aiperf.timing;

import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.endpoint.Contexts;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ArrivalPatternTest {
    private static final int SAMPLES = 200_000;

    private static double[] sample(ArrivalPattern pattern) {
        return DoubleStream.generate(pattern::nextIntervalSeconds).limit(SAMPLES).toArray();
    }

    private static double mean(double[] xs) {
        return DoubleStream.of(xs).average().orElseThrow();
    }

    /** Coefficient of variation: standard deviation over mean. */
    private static double cv(double[] xs) {
        double m = mean(xs);
        double variance = DoubleStream.of(xs).map(x -> (x - m) * (x - m)).sum() / xs.length;
        return Math.sqrt(variance) / m;
    }

    @Test
    void constantIntervalsAreExactlyOneOverRate() {
        ConstantArrivalPattern pattern = new ConstantArrivalPattern(Contexts.arrival(TimingConfigs.rate(40.0, "constant", null, 1L, null)));
        assertThat(pattern.nextIntervalSeconds()).isEqualTo(0.025);
        pattern.setRate(10);
        assertThat(pattern.nextIntervalSeconds()).isEqualTo(0.1);
    }

    @Test
    void poissonIntervalsHaveMeanOneOverRateAndCvOne() {
        double[] xs = sample(new PoissonArrivalPattern(Contexts.arrival(TimingConfigs.rate(50.0, "poisson", null, 42L, null))));
        assertThat(mean(xs)).isCloseTo(0.02, within(0.0003));
        assertThat(cv(xs)).isCloseTo(1.0, within(0.02));
    }

    @Test
    void gammaSmoothnessSetsTheSpreadButNotTheMean() {
        double[] smooth = sample(new GammaArrivalPattern(Contexts.arrival(TimingConfigs.rate(100.0, "gamma", 4.0, 42L, null))));
        assertThat(mean(smooth)).isCloseTo(0.01, within(0.0002));
        assertThat(cv(smooth)).isCloseTo(0.5, within(0.01));

        double[] bursty = sample(new GammaArrivalPattern(Contexts.arrival(TimingConfigs.rate(100.0, "gamma", 0.25, 42L, null))));
        assertThat(mean(bursty)).isCloseTo(0.01, within(0.0004));
        assertThat(cv(bursty)).isCloseTo(2.0, within(0.08));

        double[] poissonLike = sample(new GammaArrivalPattern(Contexts.arrival(TimingConfigs.rate(100.0, "gamma", null, 42L, null))));
        assertThat(cv(poissonLike)).isCloseTo(1.0, within(0.02));
    }

    @Test
    void theSameSeedGivesTheSameIntervals() {
        var config = TimingConfigs.rate(10.0, "poisson", null, 99L, null);
        double[] a = DoubleStream.generate(new PoissonArrivalPattern(Contexts.arrival(config))::nextIntervalSeconds).limit(100).toArray();
        double[] b = DoubleStream.generate(new PoissonArrivalPattern(Contexts.arrival(config))::nextIntervalSeconds).limit(100).toArray();
        assertThat(a).containsExactly(b);
        double[] other = DoubleStream.generate(new PoissonArrivalPattern(Contexts.arrival(TimingConfigs.rate(10.0, "poisson", null,
                100L, null)))::nextIntervalSeconds).limit(100).toArray();
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void burstHasNoInterval() {
        assertThat(new ConcurrencyBurstArrivalPattern().nextIntervalSeconds()).isZero();
    }

    @Test
    void aPatternThatNeedsARateSaysSo() {
        assertThatThrownBy(() -> new PoissonArrivalPattern(Contexts.arrival(TimingConfigs.rate(null, "poisson", null, 1L, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--request-rate");
        assertThatThrownBy(() -> new GammaArrivalPattern(5, 0, new SplittableRandom(1)))
                .hasMessageContaining("--arrival-smoothness");
    }
}
