package dev.aiperf.export;

/**
 * Where {@link RecordsJsonlWriter#sample} puts what the report reads back from a {@code profile_export.jsonl} line,
 * as primitives (the run's own report then needs no read-back of the file).
 */
public interface RequestSampleSink {
    /**
     * One line's sample: start and end (epoch ns), TTFT, ITL and request latency (ms) and output length as the line
     * holds them, {@code NaN} for a metric it has no number for, and whether it has an {@code error}.
     */
    void add(long startNs, long endNs, double ttftMs, double itlMs, double latencyMs, double outputTokens,
             boolean failed);

    /** The file may not hold what was added: the report must read the file. */
    void discard();
}
