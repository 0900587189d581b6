package dev.aiperf.metrics;

import java.util.Arrays;

/**
 * The values of one per-request metric over a run: a growing {@code double[]} with a running sum,
 * so adding a value never boxes or allocates (except when the array doubles). Not thread-safe.
 */
public final class MetricArray {
    private double[] values;
    private int size;
    private double sum;

    public MetricArray() {
        this(256);
    }

    public MetricArray(int initialCapacity) {
        values = new double[Math.max(1, initialCapacity)];
    }

    public void add(double value) {
        ensureCapacity(size + 1);
        values[size++] = value;
        sum += value;
    }

    /** Appends every value of a list metric; the running sum grows by their (pairwise) sum, like NumPy's. */
    public void addAll(double[] more) {
        ensureCapacity(size + more.length);
        System.arraycopy(more, 0, values, size, more.length);
        size += more.length;
        sum += DistributionStatistics.pairwiseSum(more, 0, more.length);
    }

    public int size() {
        return size;
    }

    /** Sum of the values, accumulated as they were added. */
    public double sum() {
        return sum;
    }

    /** A copy of the values, in the order they were added. */
    public double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** The backing array; only the first {@link #size()} entries are values. */
    double[] backingArray() {
        return values;
    }

    private void ensureCapacity(int needed) {
        if (needed > values.length) {
            values = Arrays.copyOf(values, Math.max(needed, values.length * 2));
        }
    }
}
