package dev.aiperf.dataset;

import java.util.UUID;

/** Conversation ids (spec §3.2): {@code session_000000}, ... with a seed, random UUIDs without. */
final class SessionIds {

    private final boolean sequential;
    private int next;

    SessionIds(Long randomSeed) {
        this.sequential = randomSeed != null;
    }

    String next() {
        return sequential ? "session_%06d".formatted(next++) : UUID.randomUUID().toString();
    }
}
