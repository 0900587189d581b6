package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.model.Turn;

import java.util.Map;

/**
 * The parts of the endpoint configuration every OpenAI payload needs, resolved once per endpoint.
 *
 * @param streaming           streaming requested and supported by the endpoint
 * @param useLegacyMaxTokens  chat writes {@code max_tokens} instead of {@code max_completion_tokens}
 * @param useServerTokenCount ask the server for {@code usage} on streams
 * @param defaultModel        the first {@code --model}, used when a turn names none
 * @param extras              {@code --extra-inputs} as a JSON object, merged last
 */
record EndpointOptions(boolean streaming, boolean useLegacyMaxTokens, boolean useServerTokenCount,
                       String defaultModel, ObjectNode extras) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static EndpointOptions from(BenchmarkConfig config, EndpointMetadata metadata) {
        EndpointConfig endpoint = config.endpoint();
        ObjectNode extras = JsonNodeFactory.instance.objectNode();
        for (KeyValue pair : endpoint.extraInputs()) {
            extras.set(pair.key(), toJson(pair.value()));
        }
        return new EndpointOptions(endpoint.streaming() && metadata.supportsStreaming(),
                endpoint.useLegacyMaxTokens(), endpoint.useServerTokenCount(),
                endpoint.models().isEmpty() ? null : endpoint.models().get(0), extras);
    }

    private static JsonNode toJson(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        return value instanceof JsonNode node ? node.deepCopy() : MAPPER.valueToTree(value);
    }

    /** These options without the named extras: keys that configure the endpoint rather than go into the body. */
    EndpointOptions withoutExtras(String... keys) {
        ObjectNode kept = extras.deepCopy();
        kept.remove(java.util.List.of(keys));
        return new EndpointOptions(streaming, useLegacyMaxTokens, useServerTokenCount, defaultModel, kept);
    }

    /** The extra's value as text, or null when it is not given. */
    String extraText(String key) {
        JsonNode value = extras.get(key);
        return value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString();
    }

    /** The model a turn is sent to: its own, else the first configured one. */
    String modelFor(Turn turn) {
        return turn.model() != null ? turn.model() : defaultModel;
    }

    /**
     * Merges the extras at top level, overriding generated keys in place and adding the others after them. Values
     * (text, numbers, booleans, null) are immutable nodes, shared by every payload; an object or array is copied for
     * each payload, which may change it ({@link #ensureIncludeUsage}).
     */
    void mergeExtras(ObjectNode payload) {
        for (Map.Entry<String, JsonNode> extra : extras.properties()) {
            JsonNode value = extra.getValue();
            payload.set(extra.getKey(), value.isContainerNode() ? value.deepCopy() : value);
        }
    }

    /**
     * Asks a stream for its {@code usage} when server token counts are wanted: adds
     * {@code stream_options.include_usage=true} unless the extras already decided it.
     */
    void ensureIncludeUsage(ObjectNode payload) {
        if (!streaming || !useServerTokenCount) {
            return;
        }
        JsonNode options = payload.get("stream_options");
        if (options == null) {
            payload.putObject("stream_options").put("include_usage", true);
        } else if (options instanceof ObjectNode object && !object.has("include_usage")) {
            object.put("include_usage", true);
        }
    }
}
