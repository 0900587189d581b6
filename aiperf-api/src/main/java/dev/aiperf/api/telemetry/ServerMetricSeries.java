package dev.aiperf.api.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One time series (endpoint and label set) of a metric, summarised over the profiling window.
 *
 * @param endpointUrl the endpoint it was scraped from
 * @param labels      its labels in exposition order, empty when it has none ({@code le} and {@code quantile}
 *                    excluded)
 * @param stats       the type's statistics in export order; a {@link Long} for counts, a {@link Double}
 *                    otherwise: gauge {@code avg, min, max, std, p1..p99}; counter {@code total, rate} and,
 *                    with timeslices, {@code rate_avg, rate_min, rate_max, rate_std} over the complete slices;
 *                    histogram {@code count, sum, avg, count_rate, sum_rate, p1_estimate..p99_estimate}
 * @param buckets     histograms only: the count added to each bucket during the window, by upper bound
 *                    ({@code +Inf} last); empty for other types
 * @param timeslices  the series over fixed windows of the profiling window ({@code --slice-duration}); empty
 *                    without slices or when the series has too few samples in the window
 */
public record ServerMetricSeries(String endpointUrl, Map<String, String> labels, Map<String, Number> stats,
                                 Map<String, Number> buckets, List<ServerMetricTimeslice> timeslices) {
    public ServerMetricSeries {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
        buckets = Collections.unmodifiableMap(new LinkedHashMap<>(buckets));
        timeslices = List.copyOf(timeslices);
    }

    /** A series without timeslices. */
    public ServerMetricSeries(String endpointUrl, Map<String, String> labels, Map<String, Number> stats,
                              Map<String, Number> buckets) {
        this(endpointUrl, labels, stats, buckets, List.of());
    }
}
