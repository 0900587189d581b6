package dev.aiperf.api.model;

import java.util.List;

/**
 * A request record with its responses parsed by the endpoint and its tokens counted.
 *
 * @param responses the parsed responses, in order: always a {@link ParsedResponses} (any other list is copied
 *                  into one), so readers can take times, flags and texts without making objects
 */
public record ParsedResponseRecord(RequestRecord request, List<ParsedResponse> responses, TokenCounts tokenCounts) {
    public ParsedResponseRecord {
        responses = ParsedResponses.copyOf(responses);
    }

    /** {@link #responses()} with its indexed accessors. */
    public ParsedResponses parsedResponses() {
        return (ParsedResponses) responses;
    }

    /**
     * Responses with content, in order: the basis of TTFT, ITL and request latency. Worked out once per record
     * (several consumers ask): {@code responses} itself when every response has content. It is a
     * {@link ParsedResponses} ({@code parsedResponses().content()}); the declared type stays a list for plugins
     * compiled against it.
     */
    public List<ParsedResponse> contentResponses() {
        return parsedResponses().content();
    }
}
