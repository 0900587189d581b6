package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;

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
        if (!"text_completion".equals(json.object) && !"completion".equals(json.object)) {
            throw new IllegalArgumentException("Unsupported OpenAI object type '" + json.object
                    + "' in a completions response; expected 'text_completion' or 'completion': "
                    + ResponseJson.abbreviate(response.text()));
        }
        String text = ResponseFields.nonEmptyText(json.text, "text");
        return new ParsedResponse(response.perfNs(), text == null ? null : new ResponseData.Text(text), json.usage);
    }
}
