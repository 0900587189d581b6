package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ResponseData;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a response of an API whose shape the endpoint does not know ({@code template}, {@code raw}; spec §4.7): by
 * the optional {@code response_field} path if one is given, else by trying, in order, embeddings ({@code data[]}
 * items with {@code "object": "embedding"}, {@code embeddings}, {@code embedding}), rankings ({@code rankings},
 * {@code results}), then text ({@code text}, {@code content}, {@code response}, {@code output}, {@code result}; a
 * string or a list of strings joined; then {@code choices[0].text}, {@code .message.content}, {@code .delta.content},
 * with {@code reasoning_content} as reasoning). A body that is not JSON is its own text.
 */
final class AutoDetectedResponse {

    private static final List<String> TEXT_FIELDS = List.of("text", "content", "response", "output", "result");

    private final ResponseField responseField;

    /** @param responseField the {@code response_field} path, or null to detect */
    AutoDetectedResponse(ResponseField responseField) {
        this.responseField = responseField;
    }

    ParsedResponse parse(InferenceResponse response) {
        String body = response.text();
        if (body == null || body.isBlank() || "[DONE]".equals(body.strip())) {
            return null;
        }
        JsonNode json;
        try {
            json = EndpointOptions.MAPPER.readTree(body);
        } catch (Exception notJson) {
            return new ParsedResponse(response.perfNs(), new ResponseData.Text(body), null);
        }
        if (json == null || json.isMissingNode()) {
            return null;
        }
        JsonNode usage = json.isObject() ? ResponseJson.usage(json) : null;
        if (responseField != null) {
            return new ParsedResponse(response.perfNs(), fromValue(responseField.select(json)), usage);
        }
        return new ParsedResponse(response.perfNs(), detect(json), usage);
    }

    /** What a {@code response_field} value is: lists of numbers are embeddings, objects rankings, text text. */
    private static ResponseData fromValue(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue().isEmpty() ? null : new ResponseData.Text(value.textValue());
        }
        if (value.isArray() && !value.isEmpty()) {
            JsonNode first = value.get(0);
            if (first.isNumber()) {
                return new ResponseData.Embeddings(List.of(vector(value)));
            }
            if (first.isArray()) {
                return embeddings(value);
            }
            if (first.isObject()) {
                return rankings(value);
            }
            if (first.isTextual()) {
                return joined(value);
            }
        }
        return value.isValueNode() ? new ResponseData.Text(value.asText()) : null;
    }

    private static ResponseData detect(JsonNode json) {
        if (!json.isObject()) {
            return fromValue(json);
        }
        JsonNode data = json.get("data");
        if (data != null && data.isArray() && !data.isEmpty()
                && "embedding".equals(ResponseJson.objectType(data.get(0)))) {
            List<float[]> vectors = new ArrayList<>();
            data.forEach(item -> vectors.add(vector(item.path("embedding"))));
            return new ResponseData.Embeddings(vectors);
        }
        if (json.path("embeddings").isArray() && !json.get("embeddings").isEmpty()) {
            return embeddings(json.get("embeddings"));
        }
        if (json.path("embedding").isArray()) {
            return new ResponseData.Embeddings(List.of(vector(json.get("embedding"))));
        }
        for (String field : List.of("rankings", "results")) {
            JsonNode list = json.get(field);
            if (list != null && list.isArray() && !list.isEmpty() && list.get(0).isObject() && list.get(0).has("index")) {
                return rankings(list);
            }
        }
        for (String field : TEXT_FIELDS) {
            JsonNode value = json.get(field);
            if (value != null && value.isTextual()) {
                return value.textValue().isEmpty() ? null : new ResponseData.Text(value.textValue());
            }
            if (value != null && value.isArray() && !value.isEmpty() && value.get(0).isTextual()) {
                return joined(value);
            }
        }
        JsonNode choice = json.path("choices").path(0);
        if (choice.path("text").isTextual()) {
            return text(choice.get("text").textValue());
        }
        for (String holder : List.of("message", "delta")) {
            JsonNode message = choice.path(holder);
            if (message.isObject()) {
                String content = message.path("content").isTextual() ? message.get("content").textValue() : null;
                JsonNode reasoningNode = message.has("reasoning_content") ? message.get("reasoning_content")
                        : message.get("reasoning");
                String reasoning = reasoningNode != null && reasoningNode.isTextual() ? reasoningNode.textValue() : null;
                if (reasoning != null && !reasoning.isEmpty()) {
                    return new ResponseData.Reasoning(content == null || content.isEmpty() ? null : content, reasoning);
                }
                return text(content);
            }
        }
        return null;
    }

    private static ResponseData text(String text) {
        return text == null || text.isEmpty() ? null : new ResponseData.Text(text);
    }

    private static ResponseData joined(JsonNode strings) {
        StringBuilder text = new StringBuilder();
        strings.forEach(s -> text.append(s.asText()));
        return text(text.toString());
    }

    private static ResponseData embeddings(JsonNode lists) {
        List<float[]> vectors = new ArrayList<>(lists.size());
        lists.forEach(list -> vectors.add(vector(list)));
        return new ResponseData.Embeddings(vectors);
    }

    private static ResponseData rankings(JsonNode items) {
        List<ResponseData.Ranking> rankings = new ArrayList<>(items.size());
        int position = 0;
        for (JsonNode item : items) {
            JsonNode score = item.has("relevance_score") ? item.get("relevance_score")
                    : item.has("logit") ? item.get("logit") : item.get("score");
            rankings.add(new ResponseData.Ranking(item.path("index").asInt(position),
                    score == null ? Double.NaN : score.asDouble()));
            position++;
        }
        return new ResponseData.Rankings(rankings);
    }

    private static float[] vector(JsonNode numbers) {
        float[] vector = new float[numbers.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) numbers.get(i).asDouble();
        }
        return vector;
    }
}
