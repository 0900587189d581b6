package dev.aiperf.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;

/** Measures how long a task handed to each I/O thread waits before it runs: late arrival stamps show here first. */
final class IoThreadProbe {

    private IoThreadProbe() {
    }

    /** Hands each event loop of {@code group} a task that reports its wait; stops quietly once the group shuts down. */
    static void probe(EventLoopGroup group, LongConsumer waitedNs) {
        for (EventExecutor loop : group) {
            long handedNs = System.nanoTime();
            try {
                loop.execute(() -> waitedNs.accept(System.nanoTime() - handedNs));
            } catch (RejectedExecutionException shuttingDown) {
                return;
            }
        }
    }
}
