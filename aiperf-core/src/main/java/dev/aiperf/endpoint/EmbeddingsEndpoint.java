package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The OpenAI embeddings API (spec §4.3 "embeddings", §4.7): one turn, its texts as {@code input}, no streaming. */
public final class EmbeddingsEndpoint extends OpenAiEndpoint {

    private static final System.Logger LOG = System.getLogger(EmbeddingsEndpoint.class.getName());

    private final AtomicBoolean maxTokensReported = new AtomicBoolean();

    public EmbeddingsEndpoint(EndpointContext context) {
        super(context.config(), context.metadata());
    }

    /** @throws IllegalArgumentException when the request carries more than one turn */
    @Override
    ObjectNode body(RequestInfo requestInfo) {
        Turn turn = onlyTurn(requestInfo, "embeddings", "input batch", "");
        if (turn.maxTokens() != null && maxTokensReported.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "The embeddings endpoint does not send max tokens; --osl and"
                    + " output lengths are ignored");
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("model", options.modelFor(turn));
        ArrayNode input = payload.putArray("input");
        turn.allTexts().forEach(input::add);
        return payload;
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        return parseEmbeddings(response, "embeddings");
    }

    /** The OpenAI embeddings body: a {@code data} list of {@code "object": "embedding"} items (spec §4.7). */
    static ParsedResponse parseEmbeddings(InferenceResponse response, String endpointName) {
        JsonNode json = ResponseJson.readObject(response, endpointName);
        if (json == null) {
            return null;
        }
        JsonNode data = json.get("data");
        if (data == null || !data.isArray()) {
            throw new IllegalArgumentException("An " + endpointName + " response needs a 'data' list of embedding objects: "
                    + ResponseJson.abbreviate(response.text()));
        }
        List<float[]> vectors = new ArrayList<>(data.size());
        for (JsonNode item : data) {
            vectors.add(vector(item, response));
        }
        return new ParsedResponse(response.perfNs(), new ResponseData.Embeddings(vectors), ResponseJson.usage(json));
    }

    private static float[] vector(JsonNode item, InferenceResponse response) {
        JsonNode embedding = item.get("embedding");
        if (!"embedding".equals(ResponseJson.objectType(item)) || embedding == null || !embedding.isArray()) {
            throw new IllegalArgumentException("Every item of an embeddings response's 'data' must be an object"
                    + " with \"object\": \"embedding\" and a numeric 'embedding' list: "
                    + ResponseJson.abbreviate(response.text()));
        }
        float[] vector = new float[embedding.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) embedding.get(i).asDouble();
        }
        return vector;
    }
}
