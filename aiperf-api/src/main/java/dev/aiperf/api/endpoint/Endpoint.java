package dev.aiperf.api.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;

/**
 * Category {@code endpoint}: turns a request into an API payload and parses the API's responses.
 *
 * <p><b>Construction.</b> The engine creates one instance per run through a public constructor taking
 * an {@link EndpointContext}, or a no-arg one. What the engine knows about the endpoint (path,
 * streaming support, ...) is its plugins.yaml metadata, typed as {@link EndpointMetadata}: the
 * context carries it, and nothing in Java declares it a second time.
 *
 * <p><b>Threading.</b> Called from many threads at once; keep no per-request state in fields.
 */
public interface Endpoint {

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
