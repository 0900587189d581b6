package dev.aiperf.metrics;

import dev.aiperf.api.record.Statistic;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run's statistics read a few positions of the sorted values; selecting them gives exactly what sorting all
 * values gave, whatever the values' order, duplicates, signs and special values.
 */
class OrderStatisticsTest {

    @Test
    void selectedPositionsHoldTheSortedValues() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 800; round++) {
            int n = 1 + random.nextInt(round < 500 ? 300 : 5_000);
            double[] values = values(random, n);
            int[] positions = random.ints(1 + random.nextInt(25), 0, n).sorted().toArray();
            double[] sorted = values.clone();
            Arrays.sort(sorted);

            double[] selected = values.clone();
            OrderStatistics.select(selected, n, positions);

            for (int position : positions) {
                assertThat(Double.doubleToRawLongBits(selected[position])).as("n %d position %d", n, position)
                        .isEqualTo(Double.doubleToRawLongBits(sorted[position]));
            }
            assertThat(Arrays.stream(selected).sorted().toArray()).as("a permutation").isEqualTo(sorted);
        }
    }

    @Test
    void theRunsStatisticsAreThoseOfAFullSort() {
        SplittableRandom random = new SplittableRandom(9);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(round % 2 == 0 ? 100 : 20_000);
            double[] values = values(random, n);
            double sum = Arrays.stream(values).sum();
            assertThat(DistributionStatistics.of(values, n, sum)).as("n %d", n).isEqualTo(sortingAll(values, n, sum));
        }
    }

    /** What {@link DistributionStatistics#of} computed before: every value sorted. */
    private static Map<Statistic, Double> sortingAll(double[] values, int n, double sum) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        Map<Statistic, Double> stats = new EnumMap<>(Statistic.class);
        stats.put(Statistic.AVG, DistributionStatistics.mean(values, n));
        stats.put(Statistic.MIN, sorted[0]);
        stats.put(Statistic.MAX, sorted[n - 1]);
        stats.put(Statistic.SUM, sum);
        for (Statistic statistic : Statistic.values()) {
            if (statistic.isPercentile()) {
                stats.put(statistic, DistributionStatistics.percentileOfSorted(sorted, n, statistic.percentile()));
            }
        }
        stats.put(Statistic.STD, DistributionStatistics.std(values, n));
        return stats;
    }

    /** Latency-like values, sorted or reversed runs, few distinct values, and now and then zeros of both signs or NaN. */
    private static double[] values(SplittableRandom random, int n) {
        double[] values = new double[n];
        int shape = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            values[i] = switch (shape) {
                case 0 -> random.nextDouble() * 100;
                case 1 -> random.nextInt(5);
                case 2 -> i;
                case 3 -> n - i;
                case 4 -> 42.0;
                case 5 -> Math.exp(random.nextGaussian() * 3);
                default -> random.nextInt(3) - 1.0;
            };
        }
        if (random.nextInt(10) == 0) {
            values[random.nextInt(n)] = -0.0;
            values[random.nextInt(n)] = 0.0;
        }
        if (random.nextInt(20) == 0) {
            values[random.nextInt(n)] = Double.NaN;
        }
        return values;
    }
}
