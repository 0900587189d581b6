package dev.aiperf.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.model.InferenceResponse;

/** Reading the JSON of one raw response the way every OpenAI endpoint does (spec §4.7). */
final class ResponseJson {

    private static final String DONE = "[DONE]";

    private ResponseJson() {
    }

    /**
     * The response's JSON object, or null when there is none to parse: empty text or {@code [DONE]}.
     * Text that is not JSON fails the request rather than being dropped: a dropped chunk would
     * silently shorten the output and skew every token metric.
     *
     * @throws IllegalArgumentException when the text is not valid JSON, or valid JSON but not an object
     */
    static JsonNode readObject(InferenceResponse response, String endpointName) {
        String text = response.text();
        if (text == null || text.isBlank() || DONE.equals(text.strip())) {
            return null;
        }
        JsonNode node;
        try {
            node = EndpointOptions.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // No chunk text in the message: the error summary groups identical messages.
            throw new IllegalArgumentException("the " + endpointName + " endpoint received a response that is not"
                    + " valid JSON");
        }
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("The " + endpointName + " endpoint expected a JSON object in the"
                    + " response but got " + node.getNodeType().name().toLowerCase() + ": " + abbreviate(text));
        }
        return node;
    }

    /** The {@code object} field as text, or null. */
    static String objectType(JsonNode json) {
        JsonNode type = json.get("object");
        return type == null || type.isNull() ? null : type.asText();
    }

    /** The top-level {@code usage} when it is a non-empty object, else null. */
    static JsonNode usage(JsonNode json) {
        JsonNode usage = json.get("usage");
        return usage != null && usage.isObject() && !usage.isEmpty() ? usage : null;
    }

    /** {@code choices[0]} when {@code choices} is a non-empty array, else null. */
    static JsonNode firstChoice(JsonNode json) {
        JsonNode choices = json.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            return null;
        }
        return choices.get(0);
    }

    /** A text field's value, or null when it is absent, null or empty. */
    static String nonEmptyText(JsonNode parent, String field) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("Expected '" + field + "' to be a string but got "
                    + value.getNodeType().name().toLowerCase() + ": " + abbreviate(value.toString()));
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
