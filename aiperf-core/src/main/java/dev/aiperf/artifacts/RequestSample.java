package dev.aiperf.artifacts;

/**
 * One profiling request as {@code profile_export.jsonl} recorded it, reduced to what the charts draw.
 * Latencies are in milliseconds; a metric the request did not produce is null.
 *
 * @param startNs      when the request was sent, epoch ns
 * @param endNs        when its last byte arrived (or it failed), epoch ns
 * @param ttftMs       time to first token
 * @param itlMs        mean inter-token latency
 * @param latencyMs    request latency
 * @param outputTokens output sequence length
 * @param failed       whether the request ended in an error
 */
public record RequestSample(long startNs, long endNs, Double ttftMs, Double itlMs, Double latencyMs,
                            Double outputTokens, boolean failed) {
}
