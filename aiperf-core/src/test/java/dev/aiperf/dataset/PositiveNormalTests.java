package dev.aiperf.dataset;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PositiveNormalTests {

    @Test
    void noStddevRoundsTheMeanHalfToEvenWithAFloorOfOne() {
        SplittableRandom random = new SplittableRandom(1);

        assertThat(PositiveNormal.sample(random, 550, 0)).isEqualTo(550);
        assertThat(PositiveNormal.sample(random, 2.5, 0)).isEqualTo(2);
        assertThat(PositiveNormal.sample(random, 3.5, 0)).isEqualTo(4);
        assertThat(PositiveNormal.sample(random, 0, 0)).isEqualTo(1);
        assertThat(PositiveNormal.sample(random, -5, -1)).isEqualTo(1);
    }

    @Test
    void drawsArePositiveCeilingsCentredOnTheMean() {
        SplittableRandom random = new SplittableRandom(11);
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            int value = PositiveNormal.sample(random, 100, 10);
            assertThat(value).isPositive();
            sum += value;
        }
        assertThat(sum / 10_000.0).isBetween(99.5, 101.5);
    }

    @Test
    void aMeanFarBelowZeroFallsBackToOne() {
        assertThat(PositiveNormal.sample(new SplittableRandom(5), -1000, 1)).isEqualTo(1);
    }
}
