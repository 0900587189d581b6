package dev.aiperf.compare;

import dev.aiperf.summary.RunSummary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs side by side against the first (the baseline): for each metric and statistic, every run's
 * value, its difference from the baseline in the metric's unit and in percent, and whether that
 * difference is larger than the runs' own spread (the larger standard deviation of the two runs).
 * A difference within the spread may be noise; one beyond it deserves a look, but is not a
 * statistical test.
 *
 * @param runs       the runs, baseline first
 * @param statistics every compared statistic, metrics in the baseline's order (then metrics only
 *                   later runs have)
 */
public record RunComparison(List<RunSummary> runs, List<ComparedStatistic> statistics) {
    /** Statistics compared when none are asked for. */
    public static final List<String> DEFAULT_STATISTICS = List.of("avg", "p50", "p90", "p99");

    public RunComparison {
        runs = List.copyOf(runs);
        statistics = List.copyOf(statistics);
    }

    /**
     * Compares the runs.
     *
     * @param runs          two or more runs, the baseline first
     * @param statisticKeys the statistics to compare for distributions; scalar metrics (only
     *                      {@code avg}) always show avg
     * @param metricFilter  metric tags to keep, or empty for all
     */
    public static RunComparison of(List<RunSummary> runs, List<String> statisticKeys, Set<String> metricFilter) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("compare needs at least two runs, got " + runs.size());
        }
        Set<String> tags = new LinkedHashSet<>();
        runs.forEach(r -> tags.addAll(r.tags()));
        if (!metricFilter.isEmpty()) {
            tags.retainAll(metricFilter);
        }
        List<ComparedStatistic> compared = new ArrayList<>();
        for (String tag : tags) {
            for (String statistic : statisticsOf(runs, tag, statisticKeys)) {
                compared.add(compare(runs, tag, statistic));
            }
        }
        return new RunComparison(runs, compared);
    }

    /** The asked statistics that some run has for the metric; {@code avg} alone for a scalar. */
    private static List<String> statisticsOf(List<RunSummary> runs, String tag, List<String> keys) {
        boolean scalar = runs.stream().allMatch(r -> r.metrics().get(tag) == null
                || r.metrics().get(tag).statistics().keySet().equals(Set.of("avg")));
        if (scalar) {
            return List.of("avg");
        }
        return keys.stream().filter(k -> runs.stream().anyMatch(r -> r.value(tag, k).isPresent())).toList();
    }

    private static ComparedStatistic compare(List<RunSummary> runs, String tag, String statistic) {
        RunSummary baseline = runs.get(0);
        String unit = baseline.unit(tag).orElseGet(() -> runs.stream().map(r -> r.unit(tag).orElse(null))
                .filter(Objects::nonNull).findFirst().orElse(""));
        Double base = baseline.value(tag, statistic).orElse(null);
        Double baseStd = baseline.value(tag, "std").orElse(null);
        int n = runs.size();
        Double[] values = new Double[n];
        Double[] deltas = new Double[n];
        Double[] percents = new Double[n];
        Boolean[] beyond = new Boolean[n];
        for (int i = 0; i < n; i++) {
            RunSummary run = runs.get(i);
            values[i] = run.value(tag, statistic).orElse(null);
            boolean sameUnit = run.unit(tag).map(u -> u.equals(unit)).orElse(false);
            if (i == 0 || base == null || values[i] == null || !sameUnit) {
                continue;
            }
            double delta = values[i] - base;
            deltas[i] = delta;
            percents[i] = base == 0 ? null : delta / Math.abs(base) * 100;
            Optional<Double> std = run.value(tag, "std");
            if (baseStd != null && std.isPresent()) {
                beyond[i] = Math.abs(delta) > Math.max(baseStd, std.get());
            }
        }
        return new ComparedStatistic(tag, unit, statistic, nullable(values), nullable(deltas), nullable(percents),
                nullable(beyond));
    }

    /** A fixed-size list that may hold nulls (List.of may not). */
    private static <T> List<T> nullable(T[] array) {
        return Collections.unmodifiableList(Arrays.asList(array));
    }
}
