package dev.aiperf.prometheus;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers how the series part of sample lines ({@code name{labels}}) parsed, for the next page of the same
 * endpoint: a server repeats the same series on every scrape, so only the values need reading again. Keeps the
 * scrape cheap when it runs three times a second beside a benchmark. Bounded: emptied when it grows past
 * {@link #MAX_SERIES} (an endpoint that invents label values).
 */
public final class SeriesCache {
    static final int MAX_SERIES = 50_000;

    /** The metric name and labels of one series, shared by every sample of it. */
    record Series(String name, Map<String, String> labels) {
    }

    private final Map<String, Series> bySeriesText = new HashMap<>();

    Series get(String seriesText) {
        return bySeriesText.get(seriesText);
    }

    void put(String seriesText, Series series) {
        if (bySeriesText.size() >= MAX_SERIES) {
            bySeriesText.clear();
        }
        bySeriesText.put(seriesText, series);
    }

    int size() {
        return bySeriesText.size();
    }
}
