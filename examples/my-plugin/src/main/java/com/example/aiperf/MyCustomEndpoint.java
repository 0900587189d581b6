package com.example.aiperf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;

/**
 * An endpoint for a custom API that takes {@code {"prompt", "max_tokens"}} at {@code /v1/custom} and
 * answers {@code {"output": "...", "usage": {"total_tokens": N}}}, streamed as SSE events of the same
 * shape or as one body.
 *
 * <p>AIPerf creates one instance per benchmark run through the public constructor taking an
 * {@link EndpointContext} and calls it from many worker threads at once, so it keeps no per-request state.
 */
public final class MyCustomEndpoint implements Endpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final boolean streaming;

    /**
     * How AIPerf builds the endpoint, once per run: the context holds the run's configuration and this
     * endpoint's metadata from plugins.yaml (path, streaming support, ...), the one place it is declared.
     */
    public MyCustomEndpoint(EndpointContext context) {
        this.streaming = context.config().endpoint().streaming() && context.metadata().supportsStreaming();
    }

    /** The current turn's texts joined by newlines as {@code prompt}, and its {@code max_tokens}. */
    @Override
    public ObjectNode formatPayload(RequestInfo requestInfo) {
        Turn turn = requestInfo.currentTurn();
        ObjectNode payload = JSON.createObjectNode();
        if (turn.model() != null) {
            payload.put("model", turn.model());
        }
        payload.put("prompt", String.join("\n", turn.allTexts()));
        if (turn.maxTokens() != null) {
            payload.put("max_tokens", turn.maxTokens());
        }
        if (streaming) {
            payload.put("stream", true);
        }
        return payload;
    }

    /** Reads {@code output} as the generated text and {@code usage} as the token usage. */
    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        String text = response.text() == null ? "" : response.text().strip();
        if (text.isEmpty() || text.equals("[DONE]")) {
            return null;
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null; // an unparseable chunk is dropped, as the Endpoint contract asks
        }
        if (!body.isObject()) {
            throw new IllegalArgumentException("expected a JSON object from /v1/custom, got: " + abbreviate(text));
        }
        JsonNode output = body.get("output");
        ResponseData data = output == null || output.isNull() ? null : new ResponseData.Text(output.asText());
        JsonNode usage = body.get("usage");
        return new ParsedResponse(response.perfNs(), data, usage == null || usage.isNull() ? null : usage);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
