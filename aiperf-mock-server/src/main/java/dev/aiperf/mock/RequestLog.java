package dev.aiperf.mock;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests received since {@link #start()}, at most {@value #LIMIT}; off until started, so that a
 * mock serving a long benchmark keeps nothing per request.
 */
final class RequestLog {
    static final int LIMIT = 100_000;

    private final ConcurrentLinkedQueue<ReceivedRequest> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private volatile boolean on;

    void start() {
        on = true;
    }

    boolean isOn() {
        return on;
    }

    void add(ReceivedRequest request) {
        if (on && size.incrementAndGet() <= LIMIT) {
            received.add(request);
        }
    }

    List<ReceivedRequest> snapshot() {
        return List.copyOf(received);
    }
}
