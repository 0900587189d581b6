package dev.aiperf.metrics;

import java.util.Arrays;

/**
 * Puts chosen positions of an array where a full {@link Arrays#sort(double[])} would put them, partitioning only
 * around those positions (a quickselect over several targets at once). The run's statistics need about twenty
 * positions (min, max and both neighbours of nine percentiles) of every per-request metric; sorting all of a long
 * streaming run's values ({@code inter_chunk_latency} has one per chunk) was most of the export's time.
 *
 * <p>The values at the chosen positions are exactly the sorted array's. Arrays holding a NaN or a negative zero are
 * sorted in full: {@code <} does not order them as {@code Arrays.sort} does. A partition that goes badly (too many
 * levels for the array's size) sorts the rest of its range, so the worst case stays O(n log n).
 */
final class OrderStatistics {
    /** Below this many values a range is sorted by insertion. */
    private static final int SMALL = 40;

    private OrderStatistics() {
    }

    /**
     * Rearranges {@code values[0, n)} so that each of {@code positions} holds what it holds after sorting them.
     *
     * @param positions positions in {@code [0, n)}, ascending, duplicates allowed
     */
    static void select(double[] values, int n, int[] positions) {
        if (n <= SMALL || !plainlyOrdered(values, n)) {
            Arrays.sort(values, 0, n);
            return;
        }
        int depthLimit = 2 * (32 - Integer.numberOfLeadingZeros(n));
        select(values, 0, n - 1, positions, 0, positions.length, depthLimit);
    }

    /** No NaN and no negative zero: {@code <} then orders the values as the sort does. */
    private static boolean plainlyOrdered(double[] values, int n) {
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (v != v || (v == 0.0 && Double.doubleToRawLongBits(v) != 0L)) {
                return false;
            }
        }
        return true;
    }

    /** Places {@code positions[from, to)} (all within {@code [lo, hi]}) in {@code values[lo, hi]}. */
    private static void select(double[] values, int lo, int hi, int[] positions, int from, int to, int depth) {
        while (from < to) {
            if (hi - lo < SMALL) {
                insertionSort(values, lo, hi);
                return;
            }
            if (depth-- == 0) {
                Arrays.sort(values, lo, hi + 1);
                return;
            }
            double pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);
            // Three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot.
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double v = values[i];
                if (v < pivot) {
                    values[i++] = values[lt];
                    values[lt++] = v;
                } else if (v > pivot) {
                    values[i] = values[gt];
                    values[gt--] = v;
                } else {
                    i++;
                }
            }
            int belowEnd = from;
            while (belowEnd < to && positions[belowEnd] < lt) {
                belowEnd++;
            }
            int aboveStart = belowEnd;
            while (aboveStart < to && positions[aboveStart] <= gt) {
                aboveStart++; // a position among the pivot's equals already holds its value
            }
            if (from < belowEnd) {
                select(values, lo, lt - 1, positions, from, belowEnd, depth);
            }
            lo = gt + 1;
            from = aboveStart;
        }
    }

    private static double medianOfThree(double a, double b, double c) {
        return a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
    }

    private static void insertionSort(double[] values, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            double v = values[i];
            int j = i - 1;
            while (j >= lo && values[j] > v) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = v;
        }
    }
}
