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
import dev.aiperf.api.model.ParsedResponses;
import dev.aiperf.api.model.ReceivedResponses;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;

import java.util.List;

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
        if (!isKnownObject(json)) {
            throw unsupported(json, response.text());
        }
        return new ParsedResponse(response.perfNs(), extract(choiceTexts(json)), json.usage);
    }

    /**
     * The same for every response of a request, without a {@link ParsedResponse} or an {@link InferenceResponse}
     * per chunk: the texts go to the builder, read from the received bytes when the transport stored them so.
     */
    @Override
    public void parseResponses(List<InferenceResponse> responses, ParsedResponses.Builder into) {
        ReceivedResponses received = responses instanceof ReceivedResponses r ? r : null;
        for (int i = 0; i < responses.size(); i++) {
            InferenceResponse response = received == null ? responses.get(i) : null;
            ResponseFields json = received != null ? ResponseFields.read(received, i, "chat")
                    : ResponseFields.read(response, "chat");
            if (json == null) {
                continue;
            }
            if (!isKnownObject(json)) {
                throw unsupported(json, received != null ? ResponseFields.text(received, i) : response.text());
            }
            long perfNs = received != null ? received.perfNs(i) : response.perfNs();
            add(choiceTexts(json), perfNs, json.usage, into);
        }
    }

    private static boolean isKnownObject(ResponseFields json) {
        return COMPLETION.equals(json.object) || CHUNK.equals(json.object);
    }

    /** The {@code message} of a whole completion, the {@code delta} of a chunk. */
    private static ResponseFields.ChoiceTexts choiceTexts(ResponseFields json) {
        return COMPLETION.equals(json.object) ? json.message : json.delta;
    }

    private static IllegalArgumentException unsupported(ResponseFields json, String text) {
        return new IllegalArgumentException("Unsupported OpenAI object type '" + json.object
                + "' in a chat response; expected '" + COMPLETION + "' or '" + CHUNK + "': "
                + ResponseJson.abbreviate(text));
    }

    private static ResponseData extract(ResponseFields.ChoiceTexts data) {
        if (data == null) {
            return null;
        }
        String content = ResponseFields.nonEmptyText(data.content, "content");
        String reasoning = reasoning(data);
        if (reasoning != null) {
            return new ResponseData.Reasoning(content, reasoning);
        }
        return content == null ? null : new ResponseData.Text(content);
    }

    /** What {@link #extract} makes, as texts added to the builder (which makes the same data when asked). */
    private static void add(ResponseFields.ChoiceTexts data, long perfNs, JsonNode usage,
                            ParsedResponses.Builder into) {
        if (data == null) {
            into.add(perfNs, null, null, usage);
            return;
        }
        String content = ResponseFields.nonEmptyText(data.content, "content");
        into.add(perfNs, content, reasoning(data), usage);
    }

    /** {@code reasoning_content}, else {@code reasoning}: null when neither is a non-empty text. */
    private static String reasoning(ResponseFields.ChoiceTexts data) {
        String reasoning = ResponseFields.nonEmptyText(data.reasoningContent, "reasoning_content");
        return reasoning != null ? reasoning : ResponseFields.nonEmptyText(data.reasoning, "reasoning");
    }
}
