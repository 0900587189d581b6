package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;

/**
 * Hugging Face Text Embeddings Inference reranking, {@code /rerank}: {@code {"query","texts":[…]}} (TEI serves one
 * model, so no {@code model}), answered with a top-level list of {@code {"index","score"}} (or a {@code results}
 * object holding it).
 */
public final class HfTeiRankingsEndpoint extends RankingsEndpoint {

    public HfTeiRankingsEndpoint(EndpointContext context) {
        super(context, "hf_tei_rankings");
    }

    @Override
    ObjectNode body(QueryAndPassages request) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("query", request.query());
        ArrayNode texts = payload.putArray("texts");
        request.passages().forEach(texts::add);
        return payload;
    }

    @Override
    JsonNode items(JsonNode json) {
        return json.isArray() ? json : json.get("results");
    }

    @Override
    String expected() {
        return "a list of {\"index\", \"score\"} objects";
    }
}
