package dev.aiperf.prometheus;

import java.time.Instant;

/** Epoch time in ns, the timestamps of scrapes and telemetry samples (comparable with the phases' wall times). */
public final class WallClock {
    private WallClock() {
    }

    public static long nowNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
