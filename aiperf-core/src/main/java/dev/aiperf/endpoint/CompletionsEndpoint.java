package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ParsedResponses;
import dev.aiperf.api.model.ReceivedResponses;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;

import java.util.List;

/**
 * The OpenAI (legacy) completions API (spec §4.3 "completions", §4.7). It sends one prompt, so a
 * request whose history holds more than one turn is refused; the shared system prompt and user
 * context are not sent.
 */
public final class CompletionsEndpoint extends OpenAiEndpoint {

    public CompletionsEndpoint(EndpointContext context) {
        super(context.config(), context.metadata());
    }

    /** @throws IllegalArgumentException when the request carries more than one turn */
    @Override
    ObjectNode body(RequestInfo requestInfo) {
        Turn turn = onlyTurn(requestInfo, "completions", "prompt",
                "; use --endpoint-type chat for multi-turn sessions");
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        ArrayNode prompt = payload.putArray("prompt");
        turn.allTexts().forEach(prompt::add);
        payload.put("model", options.modelFor(turn));
        payload.put("stream", options.streaming());
        if (turn.maxTokens() != null && turn.maxTokens() > 0) {
            payload.put("max_tokens", turn.maxTokens());
        }
        return payload;
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        ResponseFields json = ResponseFields.read(response, "completions");
        if (json == null) {
            return null;
        }
        if (!isKnownObject(json)) {
            throw unsupported(json, response.text());
        }
        String text = ResponseFields.nonEmptyText(json.text, "text");
        return new ParsedResponse(response.perfNs(), text == null ? null : new ResponseData.Text(text), json.usage);
    }

    /** The same for every response of a request, without an object per chunk (as {@link ChatEndpoint}). */
    @Override
    public void parseResponses(List<InferenceResponse> responses, ParsedResponses.Builder into) {
        ReceivedResponses received = responses instanceof ReceivedResponses r ? r : null;
        for (int i = 0; i < responses.size(); i++) {
            InferenceResponse response = received == null ? responses.get(i) : null;
            ResponseFields json = received != null ? ResponseFields.read(received, i, "completions")
                    : ResponseFields.read(response, "completions");
            if (json == null) {
                continue;
            }
            if (!isKnownObject(json)) {
                throw unsupported(json, received != null ? ResponseFields.text(received, i) : response.text());
            }
            into.add(received != null ? received.perfNs(i) : response.perfNs(),
                    ResponseFields.nonEmptyText(json.text, "text"), null, json.usage);
        }
    }

    private static boolean isKnownObject(ResponseFields json) {
        return "text_completion".equals(json.object) || "completion".equals(json.object);
    }

    private static IllegalArgumentException unsupported(ResponseFields json, String text) {
        return new IllegalArgumentException("Unsupported OpenAI object type '" + json.object
                + "' in a completions response; expected 'text_completion' or 'completion': "
                + ResponseJson.abbreviate(text));
    }
}
