package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.AudioContent;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;

/**
 * The OpenAI Responses API, {@code /v1/responses}. The request is {@code {"input":[items],"model","stream",
 * "instructions"?,"max_output_tokens"?}}: the shared system prompt goes to the top-level {@code instructions}, the
 * user context is a leading user item, then one {@code "type":"message"} item per turn whose content is its text, or
 * {@code input_text} parts when it has several.
 *
 * <p>A stream is typed events: {@code response.output_text.delta} carries content, {@code
 * response.reasoning_text.delta} (or {@code response.reasoning_summary_text.delta}) reasoning, and
 * {@code response.completed} the usage; {@code response.failed} and {@code error} fail the request. A whole answer
 * is the response object, its text in the {@code output_text} parts of its {@code message} items.
 */
public final class ResponsesEndpoint extends OpenAiEndpoint {

    public ResponsesEndpoint(EndpointContext context) {
        super(context.config(), context.metadata());
    }

    @Override
    ObjectNode body(RequestInfo requestInfo) {
        Turn current = requestInfo.currentTurn();
        Conversation conversation = requestInfo.conversation();
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        ArrayNode input = payload.putArray("input");
        if (conversation != null && conversation.userContextMessage() != null) {
            input.addObject().put("type", "message").put("role", "user")
                    .put("content", conversation.userContextMessage());
        }
        for (Turn turn : requestInfo.turns()) {
            input.add(item(turn));
        }
        payload.put("model", options.modelFor(current));
        payload.put("stream", options.streaming());
        if (conversation != null && conversation.systemMessage() != null) {
            payload.put("instructions", conversation.systemMessage());
        }
        if (current.maxTokens() != null) {
            payload.put("max_output_tokens", current.maxTokens());
        }
        return payload;
    }

    /**
     * @throws IllegalArgumentException when the turn carries video, which the Responses API does not take
     */
    /**
     * The Responses API always reports usage in {@code response.completed}, and its {@code stream_options} has no
     * {@code include_usage} (OpenAI refuses the unknown key): unlike the original, none is added.
     */
    @Override
    boolean asksStreamUsage() {
        return false;
    }

    private static ObjectNode item(Turn turn) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("role", turn.role() == null ? "user" : turn.role());
        if (!turn.hasMedia() && turn.texts().size() == 1 && turn.texts().getFirst().contents().size() == 1) {
            item.put("content", turn.texts().getFirst().contents().getFirst());
        } else {
            if (!turn.allVideos().isEmpty()) {
                throw new IllegalArgumentException("The responses endpoint cannot send video: the Responses API"
                        + " takes text, images and audio. Use --endpoint-type chat for video turns");
            }
            ArrayNode parts = item.putArray("content");
            boolean assistant = "assistant".equals(turn.role());
            for (String text : turn.allTexts()) {
                parts.addObject().put("type", assistant ? "output_text" : "input_text").put("text", text);
            }
            for (String image : turn.allImages()) {
                // the Responses API takes the URL as a plain string, not chat's {"url": ...} object
                parts.addObject().put("type", "input_image").put("image_url", image);
            }
            for (String audio : turn.allAudios()) {
                AudioContent clip = AudioContent.parse(audio);
                parts.addObject().put("type", "input_audio").putObject("input_audio")
                        .put("data", clip.base64()).put("format", clip.format());
            }
        }
        item.put("type", "message");
        return item;
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        JsonNode json = ResponseJson.readObject(response, "responses");
        if (json == null) {
            return null;
        }
        String type = ResponseJson.text(json, "type");
        if (type == null) {
            if ("response".equals(ResponseJson.objectType(json))) {
                return whole(json, response.perfNs());
            }
            throw new IllegalArgumentException("A responses answer must be a response object (\"object\": \"response\")"
                    + " or a typed stream event: " + ResponseJson.abbreviate(response.text()));
        }
        return switch (type) {
            case "response.output_text.delta" -> delta(json, response.perfNs(), false);
            case "response.reasoning_text.delta", "response.reasoning_summary_text.delta" ->
                    delta(json, response.perfNs(), true);
            case "response.completed", "response.incomplete" ->
                    new ParsedResponse(response.perfNs(), null, ResponseJson.usage(json.path("response")));
            case "response.failed", "error" -> throw new IllegalArgumentException("The server reported a failed"
                    + " response: " + failure(json));
            default -> null; // lifecycle events (created, in_progress, output_item.added, ...) carry no content
        };
    }

    private static ParsedResponse delta(JsonNode json, long perfNs, boolean reasoning) {
        String delta = ResponseJson.text(json, "delta");
        if (delta == null || delta.isEmpty()) {
            return new ParsedResponse(perfNs, null, null);
        }
        return new ParsedResponse(perfNs, reasoning ? new ResponseData.Reasoning(null, delta)
                : new ResponseData.Text(delta), null);
    }

    /** A non-streamed response object: the text of its message items, the reasoning of its reasoning items. */
    private static ParsedResponse whole(JsonNode json, long perfNs) {
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        for (JsonNode item : json.path("output")) {
            String itemType = ResponseJson.text(item, "type");
            if ("message".equals(itemType)) {
                appendTexts(content, item.path("content"), "output_text");
            } else if ("reasoning".equals(itemType)) {
                appendTexts(reasoning, item.path("content"), "reasoning_text");
                if (reasoning.isEmpty()) {
                    appendTexts(reasoning, item.path("summary"), "summary_text");
                }
            }
        }
        ResponseData data = null;
        if (!reasoning.isEmpty()) {
            data = new ResponseData.Reasoning(content.isEmpty() ? null : content.toString(), reasoning.toString());
        } else if (!content.isEmpty()) {
            data = new ResponseData.Text(content.toString());
        }
        return new ParsedResponse(perfNs, data, ResponseJson.usage(json));
    }

    private static void appendTexts(StringBuilder into, JsonNode parts, String partType) {
        for (JsonNode part : parts) {
            String text = ResponseJson.text(part, "text");
            if (text != null && partType.equals(ResponseJson.text(part, "type"))) {
                into.append(text);
            }
        }
    }

    private static String failure(JsonNode json) {
        JsonNode error = json.has("response") ? json.path("response").path("error") : json.has("error")
                ? json.get("error") : json;
        String message = ResponseJson.text(error, "message");
        return message != null ? message : ResponseJson.abbreviate(json.toString());
    }
}
