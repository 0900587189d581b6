package dev.aiperf.endpoint;

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

/** The OpenAI chat completions API (spec §4.3 "chat", §4.7). */
public final class ChatEndpoint extends OpenAiEndpoint {

    private static final String COMPLETION = "chat.completion";
    private static final String CHUNK = "chat.completion.chunk";

    public ChatEndpoint(EndpointContext context) {
        super(context.config(), context.metadata());
    }

    @Override
    ObjectNode body(RequestInfo requestInfo) {
        Turn current = requestInfo.currentTurn();
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("messages", messages(requestInfo));
        payload.put("model", options.modelFor(current));
        payload.put("stream", options.streaming());
        if (current.maxTokens() != null) {
            payload.put(options.useLegacyMaxTokens() ? "max_tokens" : "max_completion_tokens", current.maxTokens());
        }
        return payload;
    }

    private static ArrayNode messages(RequestInfo requestInfo) {
        ArrayNode messages = JsonNodeFactory.instance.arrayNode();
        Conversation conversation = requestInfo.conversation();
        if (conversation != null && conversation.systemMessage() != null) {
            messages.addObject().put("role", "system").put("content", conversation.systemMessage());
        }
        if (conversation != null && conversation.userContextMessage() != null) {
            messages.addObject().put("role", "user").put("content", conversation.userContextMessage());
        }
        for (Turn turn : requestInfo.turns()) {
            messages.add(message(turn));
        }
        return messages;
    }

    /**
     * One message per turn. A text-only turn with a single text holds it as a string and, like the
     * original, always carries the text batch's {@code name}; anything else becomes a list of
     * OpenAI content parts: every non-empty text, then every image, audio clip and video (spec §4.3).
     */
    private static ObjectNode message(Turn turn) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("role", turn.role() == null ? "user" : turn.role());
        if (!turn.hasMedia() && turn.texts().size() == 1 && turn.texts().get(0).contents().size() == 1) {
            Turn.Text only = turn.texts().get(0);
            message.put("name", only.name() == null ? "" : only.name());
            message.put("content", only.contents().get(0));
            return message;
        }
        ArrayNode parts = message.putArray("content");
        for (String text : turn.allTexts()) {
            parts.addObject().put("type", "text").put("text", text);
        }
        for (String image : turn.allImages()) {
            parts.addObject().put("type", "image_url").putObject("image_url").put("url", image);
        }
        for (String audio : turn.allAudios()) {
            AudioContent clip = AudioContent.parse(audio);
            parts.addObject().put("type", "input_audio").putObject("input_audio")
                    .put("data", clip.base64()).put("format", clip.format());
        }
        for (String video : turn.allVideos()) {
            parts.addObject().put("type", "video_url").putObject("video_url").put("url", video);
        }
        return message;
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        ResponseFields json = ResponseFields.read(response, "chat");
        if (json == null) {
            return null;
        }
        ResponseFields.ChoiceTexts data;
        if (COMPLETION.equals(json.object)) {
            data = json.message;
        } else if (CHUNK.equals(json.object)) {
            data = json.delta;
        } else {
            throw new IllegalArgumentException("Unsupported OpenAI object type '" + json.object
                    + "' in a chat response; expected '" + COMPLETION + "' or '" + CHUNK + "': "
                    + ResponseJson.abbreviate(response.text()));
        }
        return new ParsedResponse(response.perfNs(), extract(data), json.usage);
    }

    private static ResponseData extract(ResponseFields.ChoiceTexts data) {
        if (data == null) {
            return null;
        }
        String content = ResponseFields.nonEmptyText(data.content, "content");
        String reasoning = ResponseFields.nonEmptyText(data.reasoningContent, "reasoning_content");
        if (reasoning == null) {
            reasoning = ResponseFields.nonEmptyText(data.reasoning, "reasoning");
        }
        if (reasoning != null) {
            return new ResponseData.Reasoning(content, reasoning);
        }
        return content == null ? null : new ResponseData.Text(content);
    }
}
