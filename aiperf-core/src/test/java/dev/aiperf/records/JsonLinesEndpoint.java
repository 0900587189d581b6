package dev.aiperf.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.ResponseData;

/**
 * A test endpoint reading {@code {"content": ..., "reasoning": ..., "usage": {...}}} per response,
 * dropping {@code [DONE]}, and rejecting an {@code "object"} other than {@code chunk}, like the chat
 * endpoint rejects unknown objects.
 */
final class JsonLinesEndpoint implements Endpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    JsonLinesEndpoint(EndpointMetadata metadata) {
        // The metadata is the parser's business; the endpoint only parses.
    }

    @Override
    public ObjectNode formatPayload(RequestInfo requestInfo) {
        return JSON.createObjectNode();
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        if (response.text().equals("[DONE]")) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(response.text());
        } catch (Exception e) {
            return null;
        }
        if (node.has("object") && !node.get("object").asText().equals("chunk")) {
            throw new IllegalArgumentException("unexpected object '" + node.get("object").asText() + "'");
        }
        String content = node.path("content").asText("");
        String reasoning = node.path("reasoning").asText("");
        JsonNode usage = node.get("usage");
        ResponseData data = content.isEmpty() && reasoning.isEmpty() ? null
                : reasoning.isEmpty() ? new ResponseData.Text(content) : new ResponseData.Reasoning(content, reasoning);
        return new ParsedResponse(response.perfNs(), data, usage);
    }
}
