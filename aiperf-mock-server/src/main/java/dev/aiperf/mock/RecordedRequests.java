package dev.aiperf.mock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests a mock server received, kept only when a test asks for them ({@link MockServer#recordRequests}),
 * so it can check what a client really sent. Bounded: requests past the limit are counted, not kept.
 */
final class RecordedRequests {

    private final List<RecordedRequest> kept = new ArrayList<>();
    private volatile int limit;
    private int dropped;

    void enable(int maxKept) {
        limit = maxKept;
    }

    /** Whether requests are being recorded: checked before copying a body, so serving costs nothing otherwise. */
    boolean enabled() {
        return limit > 0;
    }

    synchronized void add(String method, String path, byte[] body) {
        if (kept.size() < limit) {
            kept.add(new RecordedRequest(method, path, new String(body, StandardCharsets.UTF_8)));
        } else {
            dropped++;
        }
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(kept);
    }

    synchronized int dropped() {
        return dropped;
    }
}
