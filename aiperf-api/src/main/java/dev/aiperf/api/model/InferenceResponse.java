package dev.aiperf.api.model;

/**
 * One raw response unit as received: an SSE event's data, or a whole text body.
 *
 * @param perfNs       {@code System.nanoTime()} when the bytes that completed it arrived
 * @param kind         how it arrived
 * @param text         SSE event data (data lines joined by {@code \n}) or the body text
 * @param serverSentNs when the server says it sent the event, on its monotonic clock (an SSE comment
 *                     {@code : t=<nanos>}, as the mock server writes), or 0 when the server did not say.
 *                     On Linux {@code System.nanoTime()} of every process on the machine reads the same
 *                     clock (CLOCK_MONOTONIC), so {@code perfNs - serverSentNs} is the time the client
 *                     took to see the event: its own measurement error plus the loopback transfer.
 */
public record InferenceResponse(long perfNs, Kind kind, String text, long serverSentNs) {
    public enum Kind { SSE, TEXT }

    /** A response whose server did not stamp its send time. */
    public InferenceResponse(long perfNs, Kind kind, String text) {
        this(perfNs, kind, text, 0L);
    }

    /** Whether the server stamped its send time. */
    public boolean hasServerSentNs() {
        return serverSentNs != 0L;
    }
}
