package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;

/**
 * NVIDIA NIM reranking, {@code /v1/ranking}: {@code {"model","query":{"text"},"passages":[{"text"}]}}, answered
 * with {@code {"rankings":[{"index","logit"}]}}.
 */
public final class NimRankingsEndpoint extends RankingsEndpoint {

    public NimRankingsEndpoint(EndpointContext context) {
        super(context, "nim_rankings");
    }

    @Override
    ObjectNode body(QueryAndPassages request) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("model", request.model());
        payload.putObject("query").put("text", request.query());
        ArrayNode passages = payload.putArray("passages");
        request.passages().forEach(p -> passages.addObject().put("text", p));
        return payload;
    }

    @Override
    JsonNode items(JsonNode json) {
        return json.get("rankings");
    }

    @Override
    String expected() {
        return "a 'rankings' list of {\"index\", \"logit\"} objects";
    }
}
