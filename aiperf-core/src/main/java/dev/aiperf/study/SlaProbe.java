package dev.aiperf.study;

import java.util.List;

/**
 * One probe of an SLA search: the load value it ran, whether every SLA filter held, what each observed.
 *
 * @param index     0-based position in the search
 * @param value     the swept value (concurrency or requests per second)
 * @param passed    every filter held (false when the run failed)
 * @param observed  one value per filter, in the filters' order (null where not measured)
 * @param objective the mean of the search's objective (request throughput by default), or null
 * @param cell      the probe's results, for the curve
 * @param failure   why the run produced no summary, or null
 */
public record SlaProbe(int index, long value, boolean passed, List<Double> observed, Double objective,
                       CellResult cell, String failure) {
    public SlaProbe {
        observed = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(observed));
    }
}
