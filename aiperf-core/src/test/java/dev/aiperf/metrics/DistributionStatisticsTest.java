package dev.aiperf.metrics;

import dev.aiperf.api.record.Statistic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Statistics exactly as NumPy computes them (metrics spec §4, TV-21, TV-22). */
class DistributionStatisticsTest {

    private static Map<Statistic, Double> stats(double... values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return DistributionStatistics.of(values, values.length, sum);
    }

    @Test
    void tv21OddCounts() {
        Map<Statistic, Double> ones = stats(1, 2, 3, 4, 5);
        assertThat(ones.get(Statistic.MIN)).isEqualTo(1.0);
        assertThat(ones.get(Statistic.MAX)).isEqualTo(5.0);
        assertThat(ones.get(Statistic.AVG)).isEqualTo(3.0);
        assertThat(ones.get(Statistic.P50)).isEqualTo(3.0);
        Map<Statistic, Double> tens = stats(10, 20, 30, 40, 50);
        assertThat(tens.get(Statistic.AVG)).isEqualTo(30.0);
        assertThat(tens.get(Statistic.P50)).isEqualTo(30.0);
        assertThat(tens.get(Statistic.P25)).isEqualTo(20.0);
    }

    @Test
    void tv21SingleValue() {
        Map<Statistic, Double> single = stats(5);
        for (Statistic statistic : Statistic.values()) {
            assertThat(single.get(statistic)).as(statistic.key()).isEqualTo(statistic == Statistic.STD ? 0.0 : 5.0);
        }
    }

    @Test
    void tv22PercentilesAndPopulationStd() {
        Map<Statistic, Double> s = stats(40, 35, 45, 60);
        assertThat(s).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry(Statistic.AVG, 45.0),
                Map.entry(Statistic.P1, 35.15), Map.entry(Statistic.P5, 35.75), Map.entry(Statistic.P10, 36.5),
                Map.entry(Statistic.P25, 38.75), Map.entry(Statistic.P50, 42.5), Map.entry(Statistic.P75, 48.75),
                // the spec lists p95 as 57.75 (its test compares approximately); NumPy's exact value is:
                Map.entry(Statistic.P90, 55.5), Map.entry(Statistic.P95, 57.74999999999999), Map.entry(Statistic.P99, 59.55),
                Map.entry(Statistic.STD, 9.354143466934854), Map.entry(Statistic.SUM, 180.0),
                Map.entry(Statistic.MIN, 35.0), Map.entry(Statistic.MAX, 60.0)));
    }

    @Test
    void evenCountMedianInterpolatesBetweenTheMiddleValues() {
        assertThat(stats(4, 1, 3, 2).get(Statistic.P50)).isEqualTo(2.5);
        assertThat(stats(1, 2).get(Statistic.P99)).isEqualTo(1.99);
    }

    @Test
    void upperHalfInterpolatesFromTheUpperNeighbourLikeNumpy() {
        // t = 0.85 >= 0.5: NumPy computes b - (b - a) * (1 - t); a + (b - a) * t would give 97.1
        double[] sorted = {58e6, 66e6, 75e6, 101e6};
        assertThat(DistributionStatistics.percentileOfSorted(sorted, 4, 95) * 1e-6).isEqualTo(97.09999999999998);
    }

    @Test
    void pairwiseSumUsesEightAccumulatorsAndSplitsLargeArrays() {
        double[] values = new double[1000];
        Random random = new Random(7);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() * 1e6;
        }
        // for n <= 128: ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)) over interleaved partial sums
        double[] sixteen = java.util.Arrays.copyOf(values, 16);
        double[] r = new double[8];
        for (int i = 0; i < 16; i++) {
            r[i % 8] += sixteen[i];
        }
        assertThat(DistributionStatistics.pairwiseSum(sixteen, 0, 16))
                .isEqualTo(((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7])));
        // above 128 values: two halves split at a multiple of 8
        assertThat(DistributionStatistics.pairwiseSum(values, 0, 1000)).isEqualTo(
                DistributionStatistics.pairwiseSum(values, 0, 496) + DistributionStatistics.pairwiseSum(values, 496, 504));
        BigDecimal exact = BigDecimal.ZERO;
        for (double v : values) {
            exact = exact.add(new BigDecimal(v));
        }
        assertThat(DistributionStatistics.pairwiseSum(values, 0, 1000)).isCloseTo(exact.doubleValue(), within(1e-6));
    }

    @Test
    void metricArrayGrowsAndKeepsInsertionOrder() {
        MetricArray array = new MetricArray(2);
        for (int i = 0; i < 100; i++) {
            array.add(i);
        }
        array.addAll(new double[] {1000, 2000});
        assertThat(array.size()).isEqualTo(102);
        assertThat(array.toArray()[0]).isEqualTo(0.0);
        assertThat(array.toArray()[101]).isEqualTo(2000.0);
        assertThat(array.sum()).isEqualTo(4950.0 + 3000.0);
    }

    /** Seeds of the generated inputs: each seed is one random case, reproducible by its number. */
    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(0, 300);
    }

    /** {@code 1..maxSize} values uniform in {@code [min, max)}, drawn from {@code seed}. */
    private static double[] randomValues(long seed, int maxSize, double min, double max) {
        Random random = new Random(seed);
        double[] values = new double[1 + random.nextInt(maxSize)];
        for (int i = 0; i < values.length; i++) {
            values[i] = min + (max - min) * random.nextDouble();
        }
        return values;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void percentilesAreOrderedAndBoundedByMinAndMax(long seed) {
        double[] array = randomValues(seed, 300, -1e9, 1e9);
        Map<Statistic, Double> s = stats(array);
        double previous = s.get(Statistic.MIN);
        for (Statistic p : List.of(Statistic.P1, Statistic.P5, Statistic.P10, Statistic.P25, Statistic.P50,
                Statistic.P75, Statistic.P90, Statistic.P95, Statistic.P99)) {
            assertThat(s.get(p)).as(p.key()).isGreaterThanOrEqualTo(previous);
            previous = s.get(p);
        }
        assertThat(s.get(Statistic.MAX)).isGreaterThanOrEqualTo(previous);
        assertThat(s.get(Statistic.STD)).isGreaterThanOrEqualTo(0.0);
        double tolerance = 1e-9 * Math.max(1, Math.abs(s.get(Statistic.MAX)) + Math.abs(s.get(Statistic.MIN)));
        assertThat(s.get(Statistic.AVG)).isBetween(s.get(Statistic.MIN) - tolerance, s.get(Statistic.MAX) + tolerance);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void percentilesDoNotDependOnInputOrder(long seed) {
        List<Double> values = java.util.Arrays.stream(randomValues(seed, 100, 0, 1e6)).boxed().toList();
        List<Double> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, new Random(values.size()));
        Map<Statistic, Double> a = stats(values.stream().mapToDouble(Double::doubleValue).toArray());
        Map<Statistic, Double> b = stats(shuffled.stream().mapToDouble(Double::doubleValue).toArray());
        for (Statistic statistic : Statistic.values()) {
            if (statistic.isPercentile() || statistic == Statistic.MIN || statistic == Statistic.MAX) {
                assertThat(b.get(statistic)).isEqualTo(a.get(statistic));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void constantValuesHaveZeroSpread(long seed) {
        Random random = new Random(seed);
        double value = -1e6 + 2e6 * random.nextDouble();
        double[] array = new double[1 + random.nextInt(50)];
        java.util.Arrays.fill(array, value);
        Map<Statistic, Double> s = stats(array);
        assertThat(s.get(Statistic.STD)).isCloseTo(0.0, within(1e-9 * Math.max(1, Math.abs(value))));
        assertThat(s.get(Statistic.P50)).isEqualTo(value);
    }
}
