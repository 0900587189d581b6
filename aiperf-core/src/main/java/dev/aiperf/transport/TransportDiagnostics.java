package dev.aiperf.transport;

import java.util.function.LongConsumer;

/**
 * What a transport can tell about its own health during a run, for the client health verdict: how many
 * connections it may open, and how promptly its I/O threads run work handed to them (a busy I/O thread
 * stamps arrivals late by as much).
 */
public interface TransportDiagnostics {

    /** Most connections per server. */
    int connectionLimit();

    /**
     * Hands each I/O thread a task that reports, in nanoseconds, how long it waited before it ran.
     * Never blocks; the consumer is called on the I/O threads.
     */
    void probeIoThreads(LongConsumer waitedNs);
}
