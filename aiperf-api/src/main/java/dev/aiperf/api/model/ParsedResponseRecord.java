package dev.aiperf.api.model;

import java.util.List;

/** A request record with its responses parsed by the endpoint and its tokens counted. */
public record ParsedResponseRecord(RequestRecord request, List<ParsedResponse> responses, TokenCounts tokenCounts) {
    public ParsedResponseRecord {
        responses = List.copyOf(responses);
    }

    /** Responses with content, in order: the basis of TTFT, ITL and request latency. */
    public List<ParsedResponse> contentResponses() {
        return responses.stream().filter(ParsedResponse::hasContent).toList();
    }
}
