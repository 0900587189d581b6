package dev.aiperf.records;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponses;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.TokenCounts;
import dev.aiperf.api.tokenizer.Tokenizer;

import java.util.List;

/**
 * Turns a raw {@link RequestRecord} into a {@link ParsedResponseRecord} (metrics spec §1.1): the
 * endpoint parses each raw response, an invalid result becomes an {@code InvalidInferenceResultError}
 * record, and token counts are filled in. A failed record keeps no responses and only its input
 * token count.
 *
 * <p>Thread-safe: it holds no mutable state (the tokenizer and endpoint must be thread-safe).
 */
public final class InferenceResultParser {
    /** Error type of a record whose response the endpoint could not parse. */
    public static final String RESPONSE_PARSE_ERROR = "ResponseParseError";

    private final Endpoint endpoint;
    private final TokenCounter tokenCounter;
    private final boolean useServerTokenCount;

    /**
     * @param endpoint            parses the raw responses
     * @param metadata            what the endpoint produces and tokenizes
     * @param tokenizer           counts tokens on our side; null when neither input nor output is counted
     * @param useServerTokenCount take output and input counts from the server's {@code usage}
     */
    public InferenceResultParser(Endpoint endpoint, EndpointMetadata metadata, Tokenizer tokenizer,
                                 boolean useServerTokenCount) {
        this.endpoint = endpoint;
        this.tokenCounter = new TokenCounter(tokenizer, metadata.tokenizesInput(), metadata.producesTokens());
        this.useServerTokenCount = useServerTokenCount;
    }

    /** A parser for a run: the endpoint's metadata and {@code --use-server-token-count} from the config. */
    public static InferenceResultParser forRun(BenchmarkConfig config, Endpoint endpoint, EndpointMetadata metadata,
                                               Tokenizer tokenizer) {
        return new InferenceResultParser(endpoint, metadata, tokenizer, config.endpoint().useServerTokenCount());
    }

    public ParsedResponseRecord parse(RequestRecord record) {
        if (record.hasError()) {
            return failed(record);
        }
        List<InferenceResponse> responses = record.responses();
        ParsedResponses.Builder builder = ParsedResponses.builder(responses.size());
        try {
            endpoint.parseResponses(responses, builder);
        } catch (RuntimeException e) {
            return failed(record.withError(parseError(e)));
        }
        ParsedResponses parsed = builder.build();
        ErrorDetails invalid = InvalidInferenceResult.check(record, parsed);
        if (invalid != null) {
            return failed(record.withError(invalid));
        }
        TokenCounts counts = useServerTokenCount ? TokenCounter.serverSide(parsed)
                : tokenCounter.clientSide(record.requestInfo(), parsed);
        return new ParsedResponseRecord(record, parsed, counts);
    }

    private ParsedResponseRecord failed(RequestRecord record) {
        Integer input;
        try {
            input = tokenCounter.input(record.requestInfo());
        } catch (RuntimeException e) {
            input = null; // a counting failure must not mask the request's own error
        }
        return new ParsedResponseRecord(record, List.of(), new TokenCounts(input, null, null));
    }

    private static ErrorDetails parseError(RuntimeException e) {
        String type = e instanceof IllegalArgumentException ? RESPONSE_PARSE_ERROR : e.getClass().getSimpleName();
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // The index is left out: the error summary groups by message, and "response 7" and "response 12"
        // are the same problem.
        return new ErrorDetails(null, type, "A response could not be parsed: " + detail);
    }
}
