package dev.aiperf.api.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;

/** Category {@code endpoint}: turns a request into an API payload and parses the API's responses. */
public interface Endpoint {

    /** Static facts about this endpoint type. */
    EndpointMetadata metadata();

    /** The JSON body for one request, extras merged last. */
    ObjectNode formatPayload(RequestInfo requestInfo);

    /**
     * Parses one raw response. Returns null to drop it entirely ({@code [DONE]}, unparseable
     * chunks); returns a response with null data for usage-only or empty chunks.
     *
     * @throws IllegalArgumentException when the response has the wrong shape (the record becomes an error)
     */
    ParsedResponse parseResponse(InferenceResponse response);
}
