package dev.aiperf.study;

import java.util.List;
import java.util.OptionalLong;

/**
 * Proposes the next value of a one-dimensional SLA search from the probes so far (upstream's
 * {@code --search-planner}/{@code --search-style}, §4.3).
 */
public interface SearchPlanner {
    /** The next value to probe, or empty when the search is over. */
    OptionalLong next(List<SlaProbe> history);

    /** Why {@link #next} returned empty (e.g. {@code bracket_closed}), for {@code convergence_reason}. */
    String convergenceReason(List<SlaProbe> history);
}
