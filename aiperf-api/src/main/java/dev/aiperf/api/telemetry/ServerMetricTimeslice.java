package dev.aiperf.api.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fixed window of a server-metric series ({@code series[].timeslices[]} of the original's export, with
 * {@code --slice-duration}). Windows start at the profiling start and are {@code --slice-duration} long; the last
 * one is cut at the profiling end and is then not complete.
 *
 * @param startNs  window start, epoch ns
 * @param endNs    window end, epoch ns
 * @param complete false for the cut last window (written as {@code is_complete: false}), else true (not written)
 * @param values   the type's values in export order: gauge {@code avg, min, max}; counter {@code total, rate};
 *                 histogram {@code count} (a {@link Long}), {@code sum, avg}
 * @param buckets  histograms only: the count added to each bucket during the window, by upper bound ({@code +Inf}
 *                 last); empty for other types, or when a bucket went backwards (a reset)
 */
public record ServerMetricTimeslice(long startNs, long endNs, boolean complete, Map<String, Number> values,
                                    Map<String, Number> buckets) {
    public ServerMetricTimeslice {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        buckets = Collections.unmodifiableMap(new LinkedHashMap<>(buckets));
    }
}
