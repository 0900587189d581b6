package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;

/**
 * NVIDIA NIM embeddings (spec §4.3 "nim_embeddings"): the OpenAI embeddings shape, one turn, its texts as
 * {@code input}, answered with the same {@code data} list. Extra NIM fields such as {@code input_type}
 * ({@code query} or {@code passage}) and {@code truncate} come with {@code --extra-inputs}.
 */
public final class NimEmbeddingsEndpoint extends OpenAiEndpoint {

    public NimEmbeddingsEndpoint(EndpointContext context) {
        super(context.config(), context.metadata());
    }

    /** @throws IllegalArgumentException when the request carries more than one turn */
    @Override
    ObjectNode body(RequestInfo requestInfo) {
        Turn turn = onlyTurn(requestInfo, "nim_embeddings", "input batch", "");
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("model", options.modelFor(turn));
        ArrayNode input = payload.putArray("input");
        turn.allTexts().forEach(input::add);
        return payload;
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        return EmbeddingsEndpoint.parseEmbeddings(response, "nim_embeddings");
    }
}
