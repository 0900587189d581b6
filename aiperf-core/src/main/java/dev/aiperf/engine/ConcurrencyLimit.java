package dev.aiperf.engine;

/**
 * A concurrency limit of one phase (spec §2.3): the session limit, whose permit is taken when a
 * session's first turn is issued and given back when its final turn returns, or the prefill limit,
 * whose permit a request holds from its issue until its first token (or its return).
 *
 * <p>The limit can change while running (concurrency ramps). Raising it first cancels outstanding
 * debt, then adds permits; lowering it removes free permits at once and records the rest as debt
 * that later releases pay off, so permits already held are never revoked.
 *
 * <p>Not thread-safe by design: only the engine's scheduler thread touches it, so a counter replaces
 * a {@code Semaphore}.
 */
final class ConcurrencyLimit {
    private final boolean unlimited;
    private int limit;
    private int available;
    private int debt;

    private ConcurrencyLimit(boolean unlimited, int limit) {
        this.unlimited = unlimited;
        this.limit = limit;
        this.available = limit;
    }

    /** A limit of {@code limit} permits, or unlimited when {@code limit} is null. */
    static ConcurrencyLimit of(Integer limit) {
        return limit == null ? new ConcurrencyLimit(true, Integer.MAX_VALUE) : new ConcurrencyLimit(false, limit);
    }

    boolean isUnlimited() {
        return unlimited;
    }

    int limit() {
        return limit;
    }

    int available() {
        return unlimited ? Integer.MAX_VALUE : available;
    }

    int debt() {
        return debt;
    }

    /** Takes a slot if one is free. */
    boolean tryAcquire() {
        if (unlimited) {
            return true;
        }
        if (available > 0) {
            available--;
            return true;
        }
        return false;
    }

    /** Gives a slot back; it pays off debt before it becomes available again. */
    void release() {
        if (unlimited) {
            return;
        }
        if (debt > 0) {
            debt--;
        } else {
            available++;
        }
    }

    /** Changes the limit at run time without revoking held slots. */
    void setLimit(int newLimit) {
        if (unlimited || newLimit == limit) {
            return;
        }
        if (newLimit < 1) {
            throw new IllegalArgumentException("concurrency limit must be 1 or more, got " + newLimit);
        }
        int delta = newLimit - limit;
        limit = newLimit;
        if (delta > 0) {
            int cancelled = Math.min(debt, delta);
            debt -= cancelled;
            available += delta - cancelled;
        } else {
            int removed = Math.min(available, -delta);
            available -= removed;
            debt += -delta - removed;
        }
    }
}
