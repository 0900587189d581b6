package dev.aiperf.endpoint;

import dev.aiperf.api.endpoint.UrlSelectionContext;
import dev.aiperf.api.endpoint.UrlSelectionStrategy;

/**
 * URL selection {@code round_robin} (spec §2.13, the original's only one): each new session takes the
 * next base URL in turn, so sessions spread evenly over the servers.
 */
public final class RoundRobinUrlSelection implements UrlSelectionStrategy {
    private final int urlCount;
    private long next;

    public RoundRobinUrlSelection(UrlSelectionContext context) {
        this(context.urlCount());
    }

    public RoundRobinUrlSelection(int urlCount) {
        this.urlCount = Math.max(1, urlCount);
    }

    @Override
    public int nextUrlIndex() {
        return (int) (next++ % urlCount);
    }
}
