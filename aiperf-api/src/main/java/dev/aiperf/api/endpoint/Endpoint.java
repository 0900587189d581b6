package dev.aiperf.api.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ParsedResponses;
import dev.aiperf.api.model.ReceivedResponses;
import dev.aiperf.api.model.RequestInfo;

import java.util.List;

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

    /**
     * Parses every raw response of one request, in order, into {@code into}: what the engine calls. The default
     * adds what {@link #parseResponse} returns for each response (nothing for null), so an endpoint that
     * implements only that works as before. An endpoint may override this to read the bytes of a
     * {@link ReceivedResponses} directly (its indexed accessors) and add texts with
     * {@link ParsedResponses.Builder#add(long, String, String, com.fasterxml.jackson.databind.JsonNode)}, making
     * no object per response; it must add exactly what the default would.
     *
     * @param responses the request's raw responses; often a {@link ReceivedResponses}, but any list may come
     * @throws IllegalArgumentException when a response has the wrong shape (the record becomes an error)
     */
    default void parseResponses(List<InferenceResponse> responses, ParsedResponses.Builder into) {
        for (int i = 0; i < responses.size(); i++) {
            ParsedResponse parsed = parseResponse(responses.get(i));
            if (parsed != null) {
                into.add(parsed);
            }
        }
    }
}
