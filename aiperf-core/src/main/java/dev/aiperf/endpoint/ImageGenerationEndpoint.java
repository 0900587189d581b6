package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI image generation, {@code /v1/images/generations} (spec §4.3 "Others"): the first text of the turn is the
 * {@code prompt}; {@code response_format} is {@code b64_json} and {@code n} 1 unless {@code --extra-inputs} says
 * otherwise (SGLang's diffusion server serves only {@code b64_json}). A whole answer lists its images in
 * {@code data}; a stream sends one event per image, partial images carrying {@code partial_image_index}.
 */
public final class ImageGenerationEndpoint extends OpenAiEndpoint {

    public ImageGenerationEndpoint(EndpointContext context) {
        super(context.config(), context.metadata());
    }

    /** @throws IllegalArgumentException when the turn has no text to use as the prompt */
    @Override
    ObjectNode body(RequestInfo requestInfo) {
        Turn turn = requestInfo.currentTurn();
        if (turn.texts().isEmpty() || turn.texts().getFirst().contents().isEmpty()) {
            throw new IllegalArgumentException("The image_generation endpoint needs a text prompt in every turn,"
                    + " but turn " + requestInfo.turnIndex() + " of " + requestInfo.xCorrelationId() + " has none");
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("prompt", turn.texts().getFirst().contents().getFirst());
        payload.put("model", options.modelFor(turn));
        payload.put("response_format", "b64_json");
        payload.put("n", 1);
        if (options.streaming()) {
            payload.put("stream", true);
        }
        return payload;
    }

    /** The images API has no {@code stream_options}; it reports usage on its own. */
    @Override
    boolean asksStreamUsage() {
        return false;
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        JsonNode json = ResponseJson.readObject(response, "image_generation");
        if (json == null) {
            return null;
        }
        List<ResponseData.Image> images = new ArrayList<>();
        if (json.has("b64_json")) {
            images.add(new ResponseData.Image(ResponseJson.text(json, "b64_json"), null, partialIndex(json)));
        } else if (json.path("data").isArray()) {
            for (JsonNode item : json.get("data")) {
                if (item.isObject()) { // a malformed item is skipped, as the original does
                    images.add(new ResponseData.Image(ResponseJson.text(item, "b64_json"),
                            ResponseJson.text(item, "url"), null));
                }
            }
        }
        return new ParsedResponse(response.perfNs(), images.isEmpty() ? null : new ResponseData.Images(images),
                ResponseJson.usage(json));
    }

    private static Integer partialIndex(JsonNode json) {
        JsonNode index = json.get("partial_image_index");
        return index != null && index.canConvertToInt() ? index.intValue() : null;
    }
}
