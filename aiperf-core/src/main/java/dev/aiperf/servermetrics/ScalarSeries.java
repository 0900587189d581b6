package dev.aiperf.servermetrics;

import java.util.Arrays;

/** The samples of one gauge or counter series: epoch-ns timestamps and values, in scrape order. */
final class ScalarSeries {
    private long[] times = new long[16];
    private double[] values = new double[16];
    private int size;

    void add(long timeNs, double value) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = timeNs;
        values[size] = value;
        size++;
    }

    int size() {
        return size;
    }

    long time(int i) {
        return times[i];
    }

    double value(int i) {
        return values[i];
    }

    /** Index of the last sample at or before {@code timeNs}, or -1. */
    int lastAtOrBefore(long timeNs) {
        int low = 0;
        int high = size - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (times[mid] <= timeNs) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
