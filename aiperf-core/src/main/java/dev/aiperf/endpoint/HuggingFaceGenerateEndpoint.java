package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;

/**
 * Hugging Face Text Generation Inference (spec §4.3 "huggingface_generate"): one turn,
 * {@code {"inputs": <its texts joined by spaces>, "parameters": {"max_new_tokens"?, ...extras}}}. The
 * {@code --extra-inputs} go <em>inside</em> {@code parameters}, and there is no {@code model} or {@code stream} key:
 * streaming is the {@code /generate_stream} path. A whole answer is {@code generated_text} (an object, or the first
 * of a list); a stream is each event's {@code token.text}, never the final {@code generated_text}.
 */
public final class HuggingFaceGenerateEndpoint implements Endpoint {

    private final EndpointOptions options;

    public HuggingFaceGenerateEndpoint(EndpointContext context) {
        this.options = EndpointOptions.from(context.config(), context.metadata());
    }

    /** @throws IllegalArgumentException when the request carries more than one turn */
    @Override
    public ObjectNode formatPayload(RequestInfo requestInfo) {
        Turn turn = OpenAiEndpoint.onlyTurn(requestInfo, "huggingface_generate", "prompt",
                "; use --endpoint-type chat for multi-turn sessions");
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("inputs", String.join(" ", turn.allTexts()));
        ObjectNode parameters = payload.putObject("parameters");
        if (turn.maxTokens() != null) {
            parameters.put("max_new_tokens", turn.maxTokens());
        }
        options.mergeExtras(parameters);
        return payload;
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        JsonNode json = ResponseJson.readValue(response, "huggingface_generate");
        if (json == null) {
            return null;
        }
        if (json.isArray()) {
            json = json.isEmpty() ? JsonNodeFactory.instance.objectNode() : json.get(0);
        }
        String text;
        if (json.has("token")) {
            JsonNode token = json.get("token");
            text = token.path("special").asBoolean(false) ? null : ResponseJson.text(token, "text");
        } else if (json.has("generated_text")) {
            text = ResponseJson.text(json, "generated_text");
        } else if (json.has("error")) {
            throw new IllegalArgumentException("The server reported an error: " + json.get("error").asText());
        } else {
            throw new IllegalArgumentException("A huggingface_generate response needs 'generated_text' or a"
                    + " streamed 'token': " + ResponseJson.abbreviate(response.text()));
        }
        return new ParsedResponse(response.perfNs(), text == null || text.isEmpty() ? null
                : new ResponseData.Text(text), null);
    }
}
