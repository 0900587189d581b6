package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;

/**
 * Sends each turn's raw payload exactly as the dataset holds it ({@code --custom-dataset-type raw_payload}), for
 * replaying captured requests or an API nothing else speaks. No path is appended ({@code --url} is the full address,
 * or add {@code --endpoint}) and no field is added: {@code --extra-inputs} other than {@code response_field} are not
 * merged. Responses are detected as the template endpoint's, or picked by {@code response_field:<JMESPath>}.
 */
public final class RawEndpoint implements Endpoint {

    private final AutoDetectedResponse responses;

    public RawEndpoint(EndpointContext context) {
        EndpointOptions options = EndpointOptions.from(context.config(), context.metadata());
        String field = options.extraText(ResponseField.EXTRA_KEY);
        this.responses = new AutoDetectedResponse(field == null ? null : ResponseField.compile(field));
    }

    /** @throws IllegalArgumentException when the turn has no raw payload */
    @Override
    public ObjectNode formatPayload(RequestInfo requestInfo) {
        Turn turn = requestInfo.currentTurn();
        JsonNode payload = turn.rawPayload();
        if (!(payload instanceof ObjectNode object)) {
            throw new IllegalArgumentException("The raw endpoint sends each turn's raw payload as it is, but turn "
                    + requestInfo.turnIndex() + " of " + requestInfo.xCorrelationId() + " has none. Give the bodies"
                    + " with --input-file FILE --custom-dataset-type raw_payload (one JSON request body per line)");
        }
        return object;
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        return responses.parse(response);
    }
}
