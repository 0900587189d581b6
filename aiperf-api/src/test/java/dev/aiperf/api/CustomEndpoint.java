package dev.aiperf.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;

/** A plugin-provided endpoint for registry tests; never asked to do real work. */
public final class CustomEndpoint implements Endpoint {
    @Override
    public ObjectNode formatPayload(RequestInfo requestInfo) {
        throw new UnsupportedOperationException("test fixture");
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        throw new UnsupportedOperationException("test fixture");
    }
}
