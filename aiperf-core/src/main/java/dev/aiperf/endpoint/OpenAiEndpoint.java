package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;

/**
 * What the built-in OpenAI endpoints share: their options, resolved once from the configuration and metadata, and the end of
 * every payload: the {@code --extra-inputs} merged over it, then, on a stream with server token
 * counts, usage asked for. Each endpoint writes only its own body and parses its own responses.
 */
abstract sealed class OpenAiEndpoint implements Endpoint permits ChatEndpoint, CompletionsEndpoint, EmbeddingsEndpoint,
        ResponsesEndpoint, NimEmbeddingsEndpoint, ImageGenerationEndpoint, RankingsEndpoint {

    final EndpointOptions options;

    OpenAiEndpoint(BenchmarkConfig config, EndpointMetadata metadata) {
        this.options = EndpointOptions.from(config, metadata);
    }

    @Override
    public final ObjectNode formatPayload(RequestInfo requestInfo) {
        ObjectNode payload = body(requestInfo);
        options.mergeExtras(payload);
        if (asksStreamUsage()) {
            options.ensureIncludeUsage(payload);
        }
        return payload;
    }

    /** Whether a stream with server token counts asks for {@code stream_options.include_usage}; most APIs do. */
    boolean asksStreamUsage() {
        return true;
    }

    /** The endpoint's own keys, in the order they are sent; extras and stream options come after. */
    abstract ObjectNode body(RequestInfo requestInfo);

    /**
     * The turn of a request to an API that sends one thing and keeps no history.
     *
     * @param endpoint the endpoint's name, for the message
     * @param sends    what the API sends, for the message ("exactly one prompt")
     * @param hint     what to do instead, appended to the message ("" for none)
     * @throws IllegalArgumentException when the request carries more than one turn
     */
    static Turn onlyTurn(RequestInfo requestInfo, String endpoint, String sends, String hint) {
        if (requestInfo.turns().size() != 1) {
            throw new IllegalArgumentException("The " + endpoint + " endpoint sends exactly one " + sends
                    + ", but this request has " + requestInfo.turns().size() + " turns of history" + hint);
        }
        return requestInfo.currentTurn();
    }
}
