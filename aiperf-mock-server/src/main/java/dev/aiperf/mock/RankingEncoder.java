package dev.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Answers the three rankings APIs with deterministic scores: the score of a passage is a stable hash of
 * {@code query|passage}, mod 1000, over 1000, and passages come back best first, as rerankers return them.
 *
 * <ul>
 *   <li>NIM {@code POST /v1/ranking} {@code {"model","query":{"text"},"passages":[{"text"}]}} →
 *       {@code {"rankings":[{"index","logit"}]}}</li>
 *   <li>Hugging Face TEI {@code POST /rerank} {@code {"query","texts":[…]}} → {@code [{"index","score"}]}</li>
 *   <li>Cohere {@code POST /v2/rerank} {@code {"model","query","documents":[…]}} →
 *       {@code {"id","results":[{"index","relevance_score"}],"meta"}}</li>
 * </ul>
 */
final class RankingEncoder {

    /** The rankings API a request came to. */
    enum Api { NIM, TEI, COHERE }

    private final Api api;
    private final String query;
    private final List<String> passages;

    private RankingEncoder(Api api, String query, List<String> passages) {
        this.api = api;
        this.query = query;
        this.passages = passages;
    }

    static RankingEncoder of(Api api, JsonNode body) {
        InferenceRequest.requireObject(body);
        return switch (api) {
            case NIM -> new RankingEncoder(api, text(body.path("query"), "query"),
                    texts(body, "passages", true));
            case TEI -> new RankingEncoder(api, string(body, "query"), texts(body, "texts", false));
            case COHERE -> new RankingEncoder(api, string(body, "query"), texts(body, "documents", false));
        };
    }

    int passageCount() {
        return passages.size();
    }

    ByteBuf body(ByteBufAllocator alloc, boolean malformed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            order.add(i);
        }
        double[] scores = passages.stream().mapToDouble(p -> score(query, p)).toArray();
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        StringBuilder items = new StringBuilder(passages.size() * 40);
        String scoreKey = switch (api) {
            case NIM -> "logit";
            case TEI -> "score";
            case COHERE -> "relevance_score";
        };
        for (int i : order) {
            items.append(items.isEmpty() ? "" : ",").append("{\"index\":").append(i).append(",\"").append(scoreKey)
                    .append("\":").append(scores[i]).append('}');
        }
        String json = switch (api) {
            case NIM -> "{\"rankings\":[" + items + "]}";
            case TEI -> "[" + items + "]";
            case COHERE -> "{\"id\":\"" + CompletionEncoder.randomUuid() + "\",\"results\":[" + items
                    + "],\"meta\":{\"api_version\":{\"version\":\"2\"},\"billed_units\":{\"search_units\":1}}}";
        };
        ByteBuf out = alloc.buffer(json.length());
        out.writeCharSequence(malformed ? json.substring(0, json.length() - 1) : json, StandardCharsets.US_ASCII);
        return out;
    }

    /** {@code (hash(query|passage) mod 1000) / 1000}, the same in every run. */
    static double score(String query, String passage) {
        long hash = 0xcbf29ce484222325L;
        String key = query + "|" + passage;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        return Long.remainderUnsigned(hash, 1000) / 1000.0;
    }

    private static String text(JsonNode node, String field) {
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new InvalidRequestException("'" + field + "' must be an object {\"text\": string}");
        }
        return text.textValue();
    }

    private static String string(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidRequestException("'" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static List<String> texts(JsonNode body, String field, boolean objects) {
        JsonNode list = body.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidRequestException("'" + field + "' must be a non-empty array of "
                    + (objects ? "{\"text\": string} objects" : "strings"));
        }
        List<String> texts = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            texts.add(objects ? text(item, field + "[]") : item.isTextual() ? item.textValue() : item.toString());
        }
        return texts;
    }
}
