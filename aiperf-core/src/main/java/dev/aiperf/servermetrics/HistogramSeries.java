package dev.aiperf.servermetrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The samples of one histogram series. A sample is kept only when the count or sum moved (histograms change when
 * requests complete, not on every scrape), so memory follows the server's activity, not the run's length.
 */
final class HistogramSeries {
    /** One reading: cumulative bucket counts aligned with {@link #bounds}. */
    record Reading(long timeNs, double count, double sum, double[] cumulative) {
    }

    private final List<String> bounds;
    private final List<Reading> readings = new ArrayList<>();

    HistogramSeries(List<String> bounds) {
        this.bounds = List.copyOf(bounds);
    }

    /** Upper bounds as written ({@code le} values), ascending, {@code +Inf} last. */
    List<String> bounds() {
        return bounds;
    }

    void add(long timeNs, double count, double sum, double[] cumulative) {
        if (!readings.isEmpty()) {
            Reading last = readings.getLast();
            if (last.count() == count && last.sum() == sum) {
                return;
            }
        }
        readings.add(new Reading(timeNs, count, sum, cumulative));
    }

    List<Reading> readings() {
        return readings;
    }

    /** The last reading at or before {@code timeNs}, or null. */
    Reading lastAtOrBefore(long timeNs) {
        Reading found = null;
        for (Reading reading : readings) {
            if (reading.timeNs() > timeNs) {
                break;
            }
            found = reading;
        }
        return found;
    }
}
