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
     * The response's JSON object, or null when there is none to parse: empty text, {@code [DONE]},
     * or text that is not JSON at all (such responses are dropped).
     *
     * @throws IllegalArgumentException when the JSON is valid but not an object, or starts as JSON but is malformed
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
            String start = text.stripLeading();
            if (start.startsWith("{") || start.startsWith("[")) {
                throw malformed(endpointName, e, text);
            }
            return null;
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

    /**
     * The response's JSON value, object or array (some APIs answer with a top-level list), or null when there is
     * none to parse, as {@link #readObject}.
     *
     * @throws IllegalArgumentException when it starts as JSON but is malformed
     */
    static JsonNode readValue(InferenceResponse response, String endpointName) {
        String text = response.text();
        if (text == null || text.isBlank() || DONE.equals(text.strip())) {
            return null;
        }
        try {
            JsonNode node = EndpointOptions.MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            String start = text.stripLeading();
            if (start.startsWith("{") || start.startsWith("[")) {
                throw malformed(endpointName, e, text);
            }
            return null;
        }
    }

    /** The field as text when it is a string, else null. */
    static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
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

    /**
     * The error of a response that starts as JSON but does not parse: it fails its request rather than
     * vanish. The message names neither the chunk nor the parser's position (the cause keeps them): the
     * error summary groups requests by message, and every broken chunk is the same problem.
     */
    static IllegalArgumentException malformed(String endpointName, JsonProcessingException cause, String text) {
        return new IllegalArgumentException("The " + endpointName + " endpoint received a response that is not"
                + " valid JSON", cause);
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
