package dev.aiperf.study;

import java.nio.file.Path;
import java.util.List;

/**
 * What an SLA search found.
 *
 * @param probes            every probe, in the order run
 * @param highestPassing    the highest value meeting every SLA, or null when none did
 * @param lowestFailing     the lowest value breaking one, or null when none did
 * @param convergenceReason {@code bracket_closed}, {@code upper_bound_passes}, {@code lower_bound_fails},
 *                          {@code max_iterations}, or null when interrupted
 * @param files             files written ({@code search_history.json}, the sweep aggregate)
 * @param interrupted       Ctrl-C (or {@code stop()}) ended it early
 * @param terminated        the stop came from SIGTERM
 */
public record SlaSearchOutcome(List<SlaProbe> probes, Long highestPassing, Long lowestFailing,
                               String convergenceReason, List<Path> files, boolean interrupted, boolean terminated) {
    public SlaSearchOutcome {
        probes = List.copyOf(probes);
        files = List.copyOf(files);
    }
}
