package dev.aiperf.mock;

/**
 * Faults the mock server injects on its inference endpoints ({@code /v1/chat/completions}, {@code /v1/completions},
 * {@code /v1/embeddings}) so that clients can test how they cope. {@code /health} and {@code /v1/models} never fault.
 *
 * <p>Precedence for one request: {@link #forcedStatus} answers first, then the random {@code errorRatePercent}
 * of {@link MockServerConfig}, then {@link #stallAfterHeaders}; the others shape a response that is otherwise normal.
 *
 * @param truncateStreamAfterChunks close the connection of a streamed response after this many token chunks, with
 *                                  no {@code [DONE]} and no terminating HTTP chunk; {@link #OFF} (-1) disables it,
 *                                  0 closes right after the response headers. Non-streamed responses are not cut.
 * @param malformedJsonRatePercent  percent (0-100) of non-streamed bodies and of streamed token chunks whose JSON is
 *                                  broken (its closing brace is left out); drawn from the seeded generator
 * @param stallAfterHeaders         send {@code 200} headers (chunked) and then nothing, leaving the connection open:
 *                                  for read-timeout tests
 * @param forcedStatus              answer every inference request with this HTTP status (e.g. 429, 503) and body
 *                                  {@code {"detail":"Simulated status <code>"}}; 0 disables it
 */
public record FaultInjection(int truncateStreamAfterChunks, double malformedJsonRatePercent,
                             boolean stallAfterHeaders, int forcedStatus) {

    /** The value of {@link #truncateStreamAfterChunks} that disables truncation. */
    public static final int OFF = -1;

    /** No faults. */
    public static final FaultInjection NONE = new FaultInjection(OFF, 0, false, 0);

    public FaultInjection {
        if (truncateStreamAfterChunks < OFF) {
            throw new IllegalArgumentException(
                    "--fault-truncate-stream-after must be 0 or more chunks (or -1 for off), got "
                            + truncateStreamAfterChunks);
        }
        MockServerConfig.requirePercent("--fault-malformed-json-rate", malformedJsonRatePercent);
        if (forcedStatus != 0 && (forcedStatus < 100 || forcedStatus > 599)) {
            throw new IllegalArgumentException(
                    "--fault-status must be an HTTP status between 100 and 599 (or 0 for off), got " + forcedStatus);
        }
    }

    /** Whether streamed responses are cut short. */
    public boolean truncatesStreams() {
        return truncateStreamAfterChunks != OFF;
    }
}
