package dev.aiperf.artifacts;

import dev.aiperf.export.RequestSampleSink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The report's per-request samples of the run in this process, kept as primitives while its records are written,
 * so its own {@code report.html} need not read {@code profile_export.jsonl} back at the end (which cost as much
 * main-thread CPU per request as issuing the requests). Each sample holds what {@link RunArtifacts#readRequests}
 * reads from the same line; a metric a line has no number for is {@code NaN} here.
 *
 * <p>Bounded: past {@link #MAX_SAMPLES} the columns are dropped and the report reads the file as before, as it
 * does whenever the file may not hold exactly what was added ({@link #discard}). Not thread-safe: one committing
 * thread at a time adds (the records pipeline's commit lock orders them), the exporter reads after the pipeline
 * finished.
 */
public final class RequestSampleColumns implements RequestSampleSink {
    /** About 50 bytes a sample: 50 MB at most, about what reading the file back builds for a third as many lines. */
    public static final int MAX_SAMPLES = 1_000_000;

    private final int maxSamples;
    private long[] startNs = new long[1024];
    private long[] endNs = new long[1024];
    private double[] ttftMs = new double[1024];
    private double[] itlMs = new double[1024];
    private double[] latencyMs = new double[1024];
    private double[] outputTokens = new double[1024];
    private boolean[] failed = new boolean[1024];
    private int size;
    private boolean discarded;

    public RequestSampleColumns() {
        this(MAX_SAMPLES);
    }

    /** @param maxSamples how many samples to keep before falling back to the file */
    RequestSampleColumns(int maxSamples) {
        this.maxSamples = maxSamples;
    }

    @Override
    public void add(long start, long end, double ttft, double itl, double latency, double tokens, boolean error) {
        if (discarded) {
            return;
        }
        if (size == maxSamples) {
            discard();
            return;
        }
        if (size == startNs.length) {
            grow();
        }
        startNs[size] = start;
        endNs[size] = end;
        ttftMs[size] = ttft;
        itlMs[size] = itl;
        latencyMs[size] = latency;
        outputTokens[size] = tokens;
        failed[size] = error;
        size++;
    }

    /**
     * Gives up on the columns: the file may not hold exactly what was added (a write failed, a value was of a kind
     * the file would not read back as the same number) or there are too many. The report then reads the file.
     */
    @Override
    public void discard() {
        discarded = true;
        startNs = endNs = new long[0];
        ttftMs = itlMs = latencyMs = outputTokens = new double[0];
        failed = new boolean[0];
        size = 0;
    }

    /** Whether the samples are those of every line written; false after {@link #discard}. */
    public boolean complete() {
        return !discarded;
    }

    public int size() {
        return size;
    }

    /** The samples in the order they were added (the file's order), as {@link RunArtifacts#readRequests} gives them. */
    public List<RequestSample> toSamples() {
        if (discarded) {
            throw new IllegalStateException("the samples were discarded: read the records file instead");
        }
        List<RequestSample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            samples.add(new RequestSample(startNs[i], endNs[i], boxed(ttftMs[i]), boxed(itlMs[i]),
                    boxed(latencyMs[i]), boxed(outputTokens[i]), failed[i]));
        }
        return samples;
    }

    private static Double boxed(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private void grow() {
        int capacity = Math.min(maxSamples, startNs.length * 2);
        startNs = Arrays.copyOf(startNs, capacity);
        endNs = Arrays.copyOf(endNs, capacity);
        ttftMs = Arrays.copyOf(ttftMs, capacity);
        itlMs = Arrays.copyOf(itlMs, capacity);
        latencyMs = Arrays.copyOf(latencyMs, capacity);
        outputTokens = Arrays.copyOf(outputTokens, capacity);
        failed = Arrays.copyOf(failed, capacity);
    }
}
