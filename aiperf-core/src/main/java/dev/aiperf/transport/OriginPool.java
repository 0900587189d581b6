package dev.aiperf.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The keep-alive connections to one origin: idle ones (most recently used first), how many are open (at most
 * {@code limit}), and the requests waiting for one when all are busy.
 *
 * <p>Why not Netty's {@code FixedChannelPool}: it runs every acquire and release as a task on one executor of its
 * own, through promise chains, so a request crossed threads up to three times (caller to the pool's executor, to
 * the connection's event loop, and back to the pool's executor on release), each a selector wake-up. Here the
 * shared state is three lock-free structures: the caller takes an idle connection itself and hands the exchange
 * to that connection's event loop (the one hop a request needs), and a release on the event loop just pushes the
 * connection back. Waiting requests (only when the limit binds) are matched with idle connections or freed slots
 * by whoever changes either side last: each side publishes its change before it looks at the other
 * (idle/waiters, open count/waiters), so one of the two always sees both.
 */
final class OriginPool {

    private final Origin origin;
    private final Bootstrap bootstrap;
    private final ChannelSetup setup;
    private final int limit;
    private final long acquireTimeoutNs;
    private final ConcurrentLinkedDeque<Channel> idle = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    /** Connections open or being opened; a slot is taken before connecting and freed when the channel closes. */
    private final AtomicInteger open = new AtomicInteger();
    /** Every connection opened and not yet closed, busy or idle, so that close() closes them all. */
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    OriginPool(Origin origin, Bootstrap bootstrap, ChannelSetup setup, int limit, long acquireTimeoutNs) {
        this.origin = origin;
        this.bootstrap = bootstrap;
        this.setup = setup;
        this.limit = limit;
        this.acquireTimeoutNs = acquireTimeoutNs;
    }

    /**
     * An idle connection, a new one while under the limit, or else the next one released or freed; fails with a
     * {@link TimeoutException} when none comes within the acquire timeout. Callable from any thread.
     */
    Future<Channel> acquire() {
        if (closed) {
            return ImmediateEventExecutor.INSTANCE.newFailedFuture(new ClosedChannelException());
        }
        Channel ready = takeIdle();
        if (ready != null) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(ready);
        }
        if (reserve()) {
            return connect();
        }
        Waiter waiter = new Waiter();
        waiters.offer(waiter);
        serveWaiters(); // a connection released or closed just before the offer saw no waiter
        if (!waiter.isClaimed()) {
            waiter.expireAfter(acquireTimeoutNs, bootstrap.config().group());
        }
        return waiter.promise;
    }

    /**
     * Takes back a connection whose exchange ended: kept idle when {@code reusable} and still open, else closed
     * (which frees its slot). Called on the connection's event loop.
     */
    void release(Channel channel, boolean reusable) {
        if (!reusable || closed || !channel.isActive()) {
            channel.close();
            return;
        }
        idle.offerLast(channel);
        if (closed) {
            closeIdle(); // close() ran between the check and the offer
        } else if (!waiters.isEmpty()) {
            serveWaitersLater(channel);
        }
    }

    /**
     * Opens up to {@code count} connections (idle ones count), waits for the TLS handshake of secure ones, then
     * keeps them all idle; completes with how many are open. None is handed out twice: all are held until all
     * are ready.
     */
    CompletableFuture<Integer> preconnect(int count) {
        List<Future<Channel>> held = new ArrayList<>(count);
        for (int i = 0; i < count && !closed; i++) {
            Channel ready = takeIdle();
            if (ready != null) {
                held.add(ImmediateEventExecutor.INSTANCE.newSucceededFuture(ready));
            } else if (reserve()) {
                held.add(connect());
            } else {
                break;
            }
        }
        if (held.isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        AtomicInteger pending = new AtomicInteger(held.size());
        List<Channel> connected = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> opened = new CompletableFuture<>();
        Runnable oneDone = () -> {
            if (pending.decrementAndGet() == 0) {
                int open = 0;
                synchronized (connected) {
                    for (Channel channel : connected) {
                        open += channel.isActive() ? 1 : 0;
                        release(channel, true);
                    }
                }
                opened.complete(open);
            }
        };
        for (Future<Channel> connecting : held) {
            connecting.addListener(done -> {
                if (!done.isSuccess()) {
                    oneDone.run();
                    return;
                }
                Channel channel = (Channel) done.getNow();
                connected.add(channel);
                SslHandler tls = channel.pipeline().get(SslHandler.class);
                if (tls == null) {
                    oneDone.run();
                } else {
                    tls.handshakeFuture().addListener(handshake -> oneDone.run());
                }
            });
        }
        return opened;
    }

    /**
     * Fails the waiting requests and closes every connection, idle or busy (their exchanges end as the transport
     * says: TransportClosed). Not left to the event loops' shutdown, which was seen to leave a busy one open.
     */
    void close() {
        closed = true;
        Waiter waiter;
        while ((waiter = waiters.poll()) != null) {
            if (waiter.claim()) {
                waiter.promise.tryFailure(new ClosedChannelException());
            }
        }
        closeIdle();
        channels.forEach(Channel::close);
    }

    /** Connections open or being opened (for tests). */
    int open() {
        return open.get();
    }

    /** Idle connections kept (for tests). */
    int idle() {
        return idle.size();
    }

    private void closeIdle() {
        Channel channel;
        while ((channel = idle.pollFirst()) != null) {
            channel.close();
        }
    }

    /** The most recently used idle connection that is still open; closed ones are dropped (their slot is freed). */
    private Channel takeIdle() {
        Channel channel;
        while ((channel = idle.pollLast()) != null) {
            if (channel.isActive()) {
                return channel;
            }
            channel.close(); // usually closed already; its close frees the slot
        }
        return null;
    }

    private boolean reserve() {
        int now;
        do {
            now = open.get();
            if (now >= limit) {
                return false;
            }
        } while (!open.compareAndSet(now, now + 1));
        return true;
    }

    /** Opens a connection in a slot already reserved; the slot is freed when it closes or fails to connect. */
    private Future<Channel> connect() {
        if (closed) {
            slotFreed(null);
            return ImmediateEventExecutor.INSTANCE.newFailedFuture(new ClosedChannelException());
        }
        ChannelFuture connecting;
        try {
            connecting = FreshConnections.open(bootstrap, setup, origin);
        } catch (RuntimeException e) {
            slotFreed(null);
            return ImmediateEventExecutor.INSTANCE.newFailedFuture(e);
        }
        Channel channel = connecting.channel();
        channels.add(channel);
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable free = () -> {
            if (counted.getAndSet(false)) {
                channels.remove(channel);
                slotFreed(channel);
            }
        };
        channel.closeFuture().addListener(closedNow -> free.run());
        if (closed) {
            channel.close(); // close() ran while this one was being added
        }
        // The promise runs its listener on the thread that completes it: the new connection's event loop.
        Promise<Channel> ready = ImmediateEventExecutor.INSTANCE.newPromise();
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                // In a task of its own, after every listener of the connect (ConnectionTimes notes the
                // addresses in one, for the trace): this listener may have been added before it.
                try {
                    channel.eventLoop().execute(() -> ready.trySuccess(channel));
                } catch (RejectedExecutionException stopping) {
                    channel.close();
                    ready.tryFailure(stopping);
                }
            } else {
                free.run(); // a channel that never registered may never report its close
                ready.tryFailure(done.cause());
            }
        });
        return ready;
    }

    private void slotFreed(Channel channel) {
        open.decrementAndGet();
        if (channel != null) {
            idle.remove(channel);
        }
        if (!waiters.isEmpty() && !closed) {
            serveWaitersLater(channel);
        }
    }

    /**
     * Serves waiters in a task of its own: a release runs inside the response handler of the exchange that just
     * ended, and must not start the next one there (it would see the rest of the callback).
     */
    private void serveWaitersLater(Channel channel) {
        try {
            if (channel != null && channel.isRegistered()) {
                channel.eventLoop().execute(this::serveWaiters);
            } else {
                bootstrap.config().group().next().execute(this::serveWaiters);
            }
        } catch (RejectedExecutionException stopping) {
            // the transport is closing: close() fails the waiters
        }
    }

    /** Matches waiters with idle connections, then with free slots, until one side runs out. Any thread. */
    private void serveWaiters() {
        while (!waiters.isEmpty() && !closed) {
            Channel ready = takeIdle();
            if (ready != null) {
                Waiter waiter = claimWaiter();
                if (waiter == null) {
                    idle.offerLast(ready); // the waiters went away meanwhile; look again
                } else {
                    waiter.serve(ready);
                }
            } else if (reserve()) {
                Waiter waiter = claimWaiter();
                if (waiter == null) {
                    open.decrementAndGet();
                } else {
                    connect().addListener(connected -> waiter.settle(connected));
                }
            } else {
                return; // all busy: the next release or close serves them
            }
        }
    }

    private Waiter claimWaiter() {
        Waiter waiter;
        while ((waiter = waiters.poll()) != null) {
            if (waiter.claim()) {
                return waiter;
            }
        }
        return null;
    }

    /** A request waiting for a connection; claimed exactly once, by whoever serves, expires or fails it. */
    private final class Waiter {
        final Promise<Channel> promise = ImmediateEventExecutor.INSTANCE.newPromise();
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile ScheduledFuture<?> expiry;

        boolean claim() {
            if (!claimed.compareAndSet(false, true)) {
                return false;
            }
            ScheduledFuture<?> timer = expiry;
            if (timer != null) {
                timer.cancel(false);
            }
            return true;
        }

        boolean isClaimed() {
            return claimed.get();
        }

        void expireAfter(long timeoutNs, EventExecutorGroup timers) {
            try {
                expiry = timers.next().schedule(this::expire, timeoutNs, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                expire();
                return;
            }
            if (isClaimed()) {
                expiry.cancel(false); // served while the timer was being set
            }
        }

        private void expire() {
            if (claim()) {
                waiters.remove(this);
                promise.tryFailure(new TimeoutException("no connection to " + origin + " became free"));
            }
        }

        void serve(Channel channel) {
            promise.trySuccess(channel);
        }

        void settle(Future<?> connected) {
            if (connected.isSuccess()) {
                promise.trySuccess((Channel) connected.getNow());
            } else {
                promise.tryFailure(connected.cause());
            }
        }
    }
}
