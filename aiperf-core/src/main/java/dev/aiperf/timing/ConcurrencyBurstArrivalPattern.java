package dev.aiperf.timing;

import dev.aiperf.api.timing.ArrivalPattern;

/**
 * Arrival pattern {@code concurrency_burst}: no interval at all; a request goes whenever a
 * concurrency slot is free (spec §2.5, §2.6). The rate is ignored.
 */
public final class ConcurrencyBurstArrivalPattern implements ArrivalPattern {

    @Override
    public double nextIntervalSeconds() {
        return 0;
    }
}
