package dev.aiperf.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One periodic check per event loop of the HTTP/1.1 connections it serves: request deadline, read silence and
 * keep-alive expiry. It replaces two timers per exchange (scheduled, then cancelled on nearly every request)
 * and an {@code IdleStateHandler} per connection (a listener on every write); a timeout now fires at most one
 * period late, and a period is at most 1/64 of the shortest timeout. Touched only on its event loop.
 */
final class TimeoutSweep implements Runnable {

    /** Something the sweep checks; {@code now} is one {@code System.nanoTime()} per sweep. */
    interface Watched {
        void checkTimeouts(long now);

        /** Where this sits in the sweep's list, -1 when not watched (kept by the sweep). */
        int sweepIndex();

        void sweepIndex(int index);
    }

    private static final long MIN_PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private final EventExecutor loop;
    private final long periodNs;
    private final ArrayList<Watched> watched = new ArrayList<>();
    private ScheduledFuture<?> task;

    TimeoutSweep(EventExecutor loop, long periodNs) {
        this.loop = loop;
        this.periodNs = periodNs;
    }

    /** One sweep per event loop of {@code group}, read-only once made (safe to share between threads). */
    static Map<EventExecutor, TimeoutSweep> perLoop(EventLoopGroup group, HttpTransportSettings settings) {
        long periodNs = period(settings);
        Map<EventExecutor, TimeoutSweep> sweeps = new IdentityHashMap<>();
        for (EventExecutor loop : group) {
            sweeps.put(loop, new TimeoutSweep(loop, periodNs));
        }
        return sweeps;
    }

    /** 1/64 of the shortest timeout, between 1 and 100 ms. */
    static long period(HttpTransportSettings settings) {
        Duration shortest = settings.requestTimeout();
        shortest = shortest.compareTo(settings.readTimeout()) <= 0 ? shortest : settings.readTimeout();
        shortest = shortest.compareTo(settings.keepAliveTimeout()) <= 0 ? shortest : settings.keepAliveTimeout();
        return Math.clamp(shortest.toNanos() / 64, MIN_PERIOD_NS, MAX_PERIOD_NS);
    }

    /** Starts checking {@code connection}; on this sweep's event loop. */
    void watch(Watched connection) {
        if (connection.sweepIndex() >= 0) {
            return;
        }
        connection.sweepIndex(watched.size());
        watched.add(connection);
        if (task == null) {
            try {
                task = loop.scheduleAtFixedRate(this, periodNs, periodNs, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                // the event loop is shutting down and closes its connections itself
            }
        }
    }

    /** Stops checking {@code connection} (swap with the last, O(1)); on this sweep's event loop. */
    void unwatch(Watched connection) {
        int index = connection.sweepIndex();
        if (index < 0) {
            return;
        }
        Watched last = watched.removeLast();
        if (last != connection) {
            watched.set(index, last);
            last.sweepIndex(index);
        }
        connection.sweepIndex(-1);
    }

    /** Connections watched (for tests). */
    int size() {
        return watched.size();
    }

    @Override
    public void run() {
        if (watched.isEmpty()) {
            task.cancel(false);
            task = null;
            return;
        }
        long now = System.nanoTime();
        // Backwards: a check that ends a connection unwatches it, moving the last (already checked) into its place.
        for (int i = watched.size() - 1; i >= 0; i--) {
            if (i < watched.size()) {
                watched.get(i).checkTimeouts(now);
            }
        }
    }
}
