package dev.aiperf.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;

/** A minimal endpoint to register at run time in these tests. */
public final class StubEndpoint implements Endpoint {
    @Override
    public ObjectNode formatPayload(RequestInfo requestInfo) {
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        return null;
    }
}
