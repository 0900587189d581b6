package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;

import java.util.List;

/**
 * NVIDIA NIM embeddings (spec §4.3 "nim_embeddings"): the OpenAI embeddings shape, one turn, answered with the
 * same {@code data} list. {@code input} is the turn's texts, or its images (data URIs or URLs), or, when it has
 * both, one {@code "<text> <image>"} entry per pair (equal counts required). Extra NIM fields such as {@code input_type}
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
        List<String> texts = turn.allTexts();
        List<String> images = turn.allImages();
        if (images.isEmpty()) {
            texts.forEach(input::add);
        } else if (texts.isEmpty()) {
            images.forEach(input::add);
        } else if (texts.size() == images.size()) {
            for (int i = 0; i < texts.size(); i++) {
                input.add(texts.get(i) + " " + images.get(i));
            }
        } else {
            throw new IllegalArgumentException("The nim_embeddings endpoint pairs each text with an image, but turn "
                    + requestInfo.turnIndex() + " of " + requestInfo.xCorrelationId() + " has " + texts.size()
                    + " texts and " + images.size() + " images; give equal counts, or only texts, or only images");
        }
        return payload;
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        return EmbeddingsEndpoint.parseEmbeddings(response, "nim_embeddings");
    }
}
