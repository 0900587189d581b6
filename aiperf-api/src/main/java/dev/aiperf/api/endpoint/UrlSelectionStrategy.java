package dev.aiperf.api.endpoint;

/**
 * Category {@code url_selection_strategy}: which of the configured base URLs ({@code --url}, given
 * several times) a new session uses (spec §2.13). Every turn of a session goes to the URL its first
 * turn got, so a conversation stays on one server.
 *
 * <p>Built once per phase with a public constructor taking a {@link UrlSelectionContext} (or none);
 * called from the scheduler thread only.
 */
public interface UrlSelectionStrategy {

    /** The index, in {@code [0, urlCount)}, of the URL for the next new session. */
    int nextUrlIndex();
}
