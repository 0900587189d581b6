package dev.aiperf.mock;

/**
 * One request the mock received, as {@link MockServer#receivedRequests()} lists it for tests that check
 * what a client sent and when.
 *
 * @param arrivalNanos  {@link System#nanoTime()} when its headers arrived
 * @param path          the request path, e.g. {@code /v1/chat/completions}
 * @param correlationId its {@code X-Correlation-ID} header, or null
 * @param requestId     its {@code X-Request-ID} header, or null
 * @param connection    the client's address and port: one value per connection
 */
public record ReceivedRequest(long arrivalNanos, String path, String correlationId, String requestId,
                              String connection) {
}
