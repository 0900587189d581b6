package dev.aiperf.study;

import java.util.List;
import java.util.OptionalLong;

/**
 * Upstream's {@code monotonic_sla} planner on one integer dimension: probes the lower bound, then doubles
 * while the SLAs hold (capped at the upper bound), then bisects between the highest passing and the lowest
 * failing value until they are adjacent. It assumes that more load never makes the SLAs easier to meet.
 */
public final class MonotonicSlaPlanner implements SearchPlanner {
    private final long low;
    private final long high;
    private final int maxIterations;

    /** Searches {@code [low, high]} in at most {@code maxIterations} probes. */
    public MonotonicSlaPlanner(long low, long high, int maxIterations) {
        if (low < 1 || high < low) {
            throw new IllegalArgumentException("the search range must satisfy 1 <= low <= high, got " + low + ".."
                    + high);
        }
        if (maxIterations < 2) {
            throw new IllegalArgumentException("--search-max-iterations must be 2 or more, got " + maxIterations);
        }
        this.low = low;
        this.high = high;
        this.maxIterations = maxIterations;
    }

    @Override
    public OptionalLong next(List<SlaProbe> history) {
        if (history.isEmpty()) {
            return OptionalLong.of(low);
        }
        if (convergenceReason(history) != null) {
            return OptionalLong.empty();
        }
        long pass = highestPassing(history);
        long fail = lowestFailing(history);
        if (fail == Long.MAX_VALUE) {
            return OptionalLong.of(Math.min(high, pass * 2));
        }
        return OptionalLong.of(pass + (fail - pass) / 2);
    }

    @Override
    public String convergenceReason(List<SlaProbe> history) {
        long pass = highestPassing(history);
        long fail = lowestFailing(history);
        if (fail <= low) {
            return "lower_bound_fails";
        }
        if (pass >= high) {
            return "upper_bound_passes";
        }
        if (fail != Long.MAX_VALUE && fail - pass <= 1) {
            return "bracket_closed";
        }
        return history.size() >= maxIterations ? "max_iterations" : null;
    }

    /** The highest passing value below the lowest failing one (0 when none passed). */
    static long highestPassing(List<SlaProbe> history) {
        long fail = lowestFailing(history);
        return history.stream().filter(SlaProbe::passed).mapToLong(SlaProbe::value).filter(v -> v < fail).max()
                .orElse(0);
    }

    static long lowestFailing(List<SlaProbe> history) {
        return history.stream().filter(p -> !p.passed()).mapToLong(SlaProbe::value).min().orElse(Long.MAX_VALUE);
    }
}
