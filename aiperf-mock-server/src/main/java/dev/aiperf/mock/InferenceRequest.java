package dev.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a chat or text completion request that shape the mock's answer.
 *
 * @param kind            chat or text completion
 * @param model           the requested model id
 * @param promptText      the text the prompt token count comes from (see {@link #parseChat}, {@link #parseCompletion})
 * @param maxTokens       {@code max_completion_tokens} or {@code max_tokens}; {@code null} if absent
 * @param minTokens       {@code min_tokens}; {@code null} if absent
 * @param ignoreEos       answer exactly {@code maxTokens} tokens
 * @param stream          answer with server-sent events
 * @param includeUsage    {@code stream_options.include_usage}: end a stream with a usage chunk
 * @param reasoningEffort {@code reasoning_effort} ({@code low}, {@code medium}, {@code high}); {@code null} if absent
 */
record InferenceRequest(Kind kind, String model, String promptText, Integer maxTokens, Integer minTokens,
                        boolean ignoreEos, boolean stream, boolean includeUsage, String reasoningEffort) {

    /** The generation APIs the mock serves: OpenAI chat, completions and Responses, Hugging Face TGI. */
    enum Kind { CHAT, COMPLETION, RESPONSES, GENERATE }

    /** TGI's default {@code max_new_tokens}. */
    static final int TGI_DEFAULT_MAX_NEW_TOKENS = 50;

    static final String DEFAULT_MODEL = "mock-model";
    /** Larger token counts are refused: a body of that many tokens would not fit in memory. */
    static final int MAX_TOKEN_COUNT = 1_000_000;

    /** A chat request: the prompt is the text of the user messages only, joined by newlines. */
    static InferenceRequest parseChat(JsonNode body) {
        requireObject(body);
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new InvalidRequestException("'messages' must be an array of {\"role\", \"content\"} objects");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode message : messages) {
            if (!"user".equals(message.path("role").asText())) {
                continue;
            }
            JsonNode content = message.get("content");
            if (content == null) {
                continue;
            }
            if (content.isTextual()) {
                texts.add(content.textValue());
            } else if (content.isArray()) {
                for (JsonNode part : content) {
                    if ("text".equals(part.path("type").asText())) {
                        texts.add(part.path("text").asText(""));
                    }
                }
            }
        }
        Integer maxTokens = optionalCount(body, "max_completion_tokens");
        if (maxTokens == null) {
            maxTokens = optionalCount(body, "max_tokens");
        }
        return new InferenceRequest(Kind.CHAT, model(body), String.join("\n", texts), maxTokens,
                optionalCount(body, "min_tokens"), flag(body, "ignore_eos"), flag(body, "stream"),
                includeUsage(body), body.path("reasoning_effort").textValue());
    }

    /** A text completion request: the prompt is {@code prompt}, a string or a list joined by newlines. */
    static InferenceRequest parseCompletion(JsonNode body) {
        requireObject(body);
        JsonNode prompt = body.get("prompt");
        String promptText;
        if (prompt != null && prompt.isTextual()) {
            promptText = prompt.textValue();
        } else if (prompt != null && prompt.isArray()) {
            List<String> parts = new ArrayList<>(prompt.size());
            prompt.forEach(part -> parts.add(part.isTextual() ? part.textValue() : part.toString()));
            promptText = String.join("\n", parts);
        } else {
            throw new InvalidRequestException("'prompt' must be a string or an array of strings");
        }
        return new InferenceRequest(Kind.COMPLETION, model(body), promptText, optionalCount(body, "max_tokens"),
                optionalCount(body, "min_tokens"), flag(body, "ignore_eos"), flag(body, "stream"),
                includeUsage(body), null);
    }

    /**
     * An OpenAI Responses request: the prompt is the text of the user items of {@code input} (a string is one user
     * item), joined by newlines; {@code instructions} is the system prompt and does not count, like chat's system
     * message. Reasoning effort is {@code reasoning.effort}.
     */
    static InferenceRequest parseResponses(JsonNode body) {
        requireObject(body);
        JsonNode input = body.get("input");
        List<String> texts = new ArrayList<>();
        if (input != null && input.isTextual()) {
            texts.add(input.textValue());
        } else if (input != null && input.isArray()) {
            for (JsonNode item : input) {
                if (!"user".equals(item.path("role").asText())) {
                    continue;
                }
                JsonNode content = item.get("content");
                if (content != null && content.isTextual()) {
                    texts.add(content.textValue());
                } else if (content != null && content.isArray()) {
                    for (JsonNode part : content) {
                        if ("input_text".equals(part.path("type").asText())) {
                            texts.add(part.path("text").asText(""));
                        }
                    }
                }
            }
        } else {
            throw new InvalidRequestException("'input' must be a string or an array of input items");
        }
        return new InferenceRequest(Kind.RESPONSES, model(body), String.join("\n", texts),
                optionalCount(body, "max_output_tokens"), optionalCount(body, "min_tokens"), flag(body, "ignore_eos"),
                flag(body, "stream"), false, body.path("reasoning").path("effort").textValue());
    }

    /**
     * A Hugging Face TGI {@code /generate} or {@code /generate_stream} request: the prompt is {@code inputs};
     * {@code parameters.max_new_tokens} (TGI's default 50), and the mock's own {@code min_tokens} and
     * {@code ignore_eos} inside {@code parameters} too.
     */
    static InferenceRequest parseGenerate(JsonNode body, boolean stream) {
        requireObject(body);
        JsonNode inputs = body.get("inputs");
        if (inputs == null || !inputs.isTextual()) {
            throw new InvalidRequestException("'inputs' must be a string");
        }
        JsonNode parameters = body.path("parameters");
        Integer maxNewTokens = parameters.isObject() ? optionalCount(parameters, "max_new_tokens") : null;
        return new InferenceRequest(Kind.GENERATE, model(body), inputs.textValue(),
                maxNewTokens != null ? maxNewTokens : TGI_DEFAULT_MAX_NEW_TOKENS,
                parameters.isObject() ? optionalCount(parameters, "min_tokens") : null,
                parameters.isObject() && flag(parameters, "ignore_eos"), stream, false, null);
    }

    static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("the request body must be a JSON object");
        }
    }

    static String model(JsonNode body) {
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            return DEFAULT_MODEL;
        }
        if (!model.isTextual()) {
            throw new InvalidRequestException("'model' must be a string, got " + model);
        }
        return model.textValue();
    }

    private static boolean includeUsage(JsonNode body) {
        return flag(body.path("stream_options"), "include_usage");
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException("'" + field + "' must be true or false, got " + value);
        }
        return value.booleanValue();
    }

    private static Integer optionalCount(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.intValue() < 0
                || value.intValue() > MAX_TOKEN_COUNT) {
            throw new InvalidRequestException("'" + field + "' must be an integer from 0 to " + MAX_TOKEN_COUNT
                    + ", got " + value);
        }
        return value.intValue();
    }
}
