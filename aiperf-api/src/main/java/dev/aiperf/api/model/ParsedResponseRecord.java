package dev.aiperf.api.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A request record with its responses parsed by the endpoint and its tokens counted. */
public record ParsedResponseRecord(RequestRecord request, List<ParsedResponse> responses, TokenCounts tokenCounts) {
    public ParsedResponseRecord {
        responses = List.copyOf(responses);
    }

    /**
     * Responses with content, in order: the basis of TTFT, ITL and request latency. Called for every record
     * by several consumers, so a plain loop: {@code responses} itself when every response has content.
     */
    public List<ParsedResponse> contentResponses() {
        int withContent = 0;
        for (int i = 0; i < responses.size(); i++) {
            if (responses.get(i).hasContent()) {
                withContent++;
            }
        }
        if (withContent == responses.size()) {
            return responses;
        }
        ParsedResponse[] content = new ParsedResponse[withContent];
        int next = 0;
        for (int i = 0; i < responses.size(); i++) {
            ParsedResponse response = responses.get(i);
            if (response.hasContent()) {
                content[next++] = response;
            }
        }
        return Collections.unmodifiableList(Arrays.asList(content));
    }
}
