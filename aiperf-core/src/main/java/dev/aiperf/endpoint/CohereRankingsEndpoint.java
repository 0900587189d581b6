package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;

/**
 * Cohere rerank v2, {@code /v2/rerank}: {@code {"model","query","documents":[…]}}, answered with
 * {@code {"results":[{"index","relevance_score"}]}}.
 */
public final class CohereRankingsEndpoint extends RankingsEndpoint {

    public CohereRankingsEndpoint(EndpointContext context) {
        super(context, "cohere_rankings");
    }

    @Override
    ObjectNode body(QueryAndPassages request) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("model", request.model());
        payload.put("query", request.query());
        ArrayNode documents = payload.putArray("documents");
        request.passages().forEach(documents::add);
        return payload;
    }

    @Override
    JsonNode items(JsonNode json) {
        return json.get("results");
    }

    @Override
    String expected() {
        return "a 'results' list of {\"index\", \"relevance_score\"} objects";
    }
}
