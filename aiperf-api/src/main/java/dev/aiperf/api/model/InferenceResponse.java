package dev.aiperf.api.model;

/**
 * One raw response unit as received: an SSE event's data, or a whole text body.
 *
 * @param perfNs {@code System.nanoTime()} when the bytes that completed it arrived
 * @param kind   how it arrived
 * @param text   SSE event data (data lines joined by {@code \n}) or the body text
 */
public record InferenceResponse(long perfNs, Kind kind, String text) {
    public enum Kind { SSE, TEXT }
}
