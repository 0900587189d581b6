package dev.aiperf.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests a {@link MockServer} received, bodies as sent, kept so a test can check exactly what a client
 * sent. Bounded: after {@code limit} requests nothing more is kept, so a long run cannot fill the heap.
 * Started with {@link MockServer#captureRequests(int)}; off by default, when serving costs one volatile read.
 */
public final class RequestCapture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int limit;
    private final AtomicInteger taken = new AtomicInteger();
    private final Queue<CapturedRequest> requests = new ConcurrentLinkedQueue<>();

    RequestCapture(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a request capture keeps at least 1 request, got " + limit);
        }
        this.limit = limit;
    }

    void add(CapturedRequest request) {
        if (taken.getAndIncrement() < limit) {
            requests.add(request);
        }
    }

    /** What was kept, in arrival order (of the threads that stored them). */
    public List<CapturedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The kept requests to {@code path}, e.g. {@code /v1/chat/completions}. */
    public List<CapturedRequest> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /**
     * One received request.
     *
     * @param method        the HTTP method
     * @param path          the request path without the query
     * @param body          the body as sent, decoded as UTF-8 ("" for none)
     * @param arrivalNanos  {@link System#nanoTime()} when its headers arrived: when a client sent what
     * @param correlationId its {@code X-Correlation-ID} header (the client's session), or null
     * @param requestId     its {@code X-Request-ID} header, or null
     * @param connection    the client's address and port: one value per connection
     */
    public record CapturedRequest(String method, String path, String body, long arrivalNanos, String correlationId,
                                  String requestId, String connection) {

        /** The body parsed as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the captured body of " + method + " " + path + " is not JSON: "
                        + e.getOriginalMessage(), e);
            }
        }
    }
}
