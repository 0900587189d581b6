package dev.aiperf.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The HTTP/2 connections to one origin: each exchange goes to the first connection with a free stream
 * slot, so streams pack onto as few connections as the server's {@code SETTINGS_MAX_CONCURRENT_STREAMS}
 * allows; a new connection opens only when every one is full, up to
 * {@link HttpTransportSettings#connectionLimit()}; beyond that exchanges wait for a slot.
 *
 * <p>Threads: any. Taking a slot is one compare-and-set on the chosen connection; the lock is taken
 * only to open a connection.
 */
final class Http2ConnectionPool {

    private final int connectionLimit;
    private final Function<Http2ConnectionPool, Http2ClientConnection> opener;
    private final List<Http2ClientConnection> connections = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<HttpExchange> waiting = new ConcurrentLinkedDeque<>();
    private final Object opening = new Object();
    private volatile boolean closed;

    /** @param opener opens a connection for this pool (not yet connected: exchanges can be submitted at once) */
    Http2ConnectionPool(int connectionLimit, Function<Http2ConnectionPool, Http2ClientConnection> opener) {
        this.connectionLimit = connectionLimit;
        this.opener = opener;
    }

    /** Puts an exchange on a connection, opening one if all are full, or queues it at the connection limit. */
    void dispatch(HttpExchange exchange) {
        if (closed) {
            exchange.fail(TransportErrors.transportClosed(), System.nanoTime());
            return;
        }
        if (tryAssign(exchange) || tryOpen(exchange)) {
            return;
        }
        waiting.addLast(exchange);
        drainWaiting(); // a slot may have been freed between the checks and the enqueue
    }

    /**
     * Opens, without sending anything, as many connections as {@code streams} concurrent streams need at the
     * server's stream limit (learnt from the first connection). Completes with how many are ready.
     */
    CompletableFuture<Integer> preconnect(int streams) {
        Http2ClientConnection first;
        synchronized (opening) {
            if (closed) {
                return CompletableFuture.completedFuture(0);
            }
            first = connections.isEmpty() ? openIdle() : connections.getFirst();
        }
        return first.whenReady().thenCompose(capacity -> {
            if (capacity == 0) {
                return CompletableFuture.completedFuture(0);
            }
            int wanted = Math.min(connectionLimit, (streams + capacity - 1) / capacity);
            List<CompletableFuture<Integer>> opening = new ArrayList<>();
            for (Http2ClientConnection connection : connections) {
                opening.add(connection.whenReady());
            }
            synchronized (this.opening) {
                while (!closed && connections.size() < wanted) {
                    opening.add(openIdle().whenReady());
                }
            }
            return CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new))
                    .thenApply(done -> (int) opening.stream().filter(ready -> ready.join() > 0).count());
        });
    }

    /** Called after a stream slot was given back. */
    void slotFreed() {
        if (!waiting.isEmpty()) {
            drainWaiting();
        }
    }

    /** A connection that takes no new exchanges leaves the pool, making room for a new one. */
    void remove(Http2ClientConnection connection) {
        connections.remove(connection);
        if (!waiting.isEmpty()) {
            drainWaiting();
        }
    }

    /** How many connections are open or opening now. */
    int size() {
        return connections.size();
    }

    /** Streams open on this pool's connections now (read racily: for tests and diagnostics). */
    int openStreams() {
        return connections.stream().mapToInt(Http2ClientConnection::openStreams).sum();
    }

    void close() {
        closed = true;
        for (Http2ClientConnection connection : connections) {
            connection.close();
        }
        connections.clear();
        HttpExchange next;
        while ((next = waiting.pollFirst()) != null) {
            next.fail(TransportErrors.transportClosed(), System.nanoTime());
        }
    }

    private boolean tryAssign(HttpExchange exchange) {
        for (Http2ClientConnection connection : connections) {
            if (connection.tryReserve()) {
                connection.submit(exchange);
                return true;
            }
        }
        return false;
    }

    private boolean tryOpen(HttpExchange exchange) {
        Http2ClientConnection opened;
        synchronized (opening) {
            // Another thread may just have opened one with room to spare.
            if (tryAssign(exchange)) {
                return true;
            }
            if (closed || connections.size() >= connectionLimit) {
                return false;
            }
            opened = openIdle();
            opened.tryReserve();
        }
        opened.submit(exchange);
        return true;
    }

    /** Opens a connection with nothing on it yet; the caller holds the {@code opening} lock. */
    private Http2ClientConnection openIdle() {
        Http2ClientConnection opened = opener.apply(this);
        connections.add(opened);
        return opened;
    }

    private void drainWaiting() {
        HttpExchange next;
        while ((next = waiting.pollFirst()) != null) {
            if (next.isDone()) {
                continue;
            }
            if (tryAssign(next) || tryOpen(next)) {
                continue;
            }
            waiting.addFirst(next);
            if (!hasRoom()) {
                return;
            }
        }
    }

    private boolean hasRoom() {
        if (connections.size() < connectionLimit) {
            return true;
        }
        for (Http2ClientConnection connection : connections) {
            if (connection.hasRoom()) {
                return true;
            }
        }
        return false;
    }
}
