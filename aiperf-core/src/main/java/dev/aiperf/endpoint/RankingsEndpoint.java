package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the rankings APIs share (spec §4.3 "Rankings", §4.7): one turn whose texts are named {@code query} (or
 * {@code queries}; the first is used) and {@code passages} (or {@code passage}), as the synthetic rankings dataset
 * and a custom file with named texts give them. Each API writes its own body from the two and reads its own list of
 * scores.
 */
abstract sealed class RankingsEndpoint extends OpenAiEndpoint
        permits NimRankingsEndpoint, CohereRankingsEndpoint, HfTeiRankingsEndpoint {

    private static final System.Logger LOG = System.getLogger(RankingsEndpoint.class.getName());
    private static final Set<String> QUERY_NAMES = Set.of("query", "queries");
    private static final Set<String> PASSAGE_NAMES = Set.of("passages", "passage");

    private final String name;
    private final AtomicBoolean otherNamesReported = new AtomicBoolean();

    RankingsEndpoint(EndpointContext context, String name) {
        super(context.config(), context.metadata());
        this.name = name;
    }

    /** The query and passages of one request. */
    record QueryAndPassages(String model, String query, List<String> passages) {
    }

    @Override
    final ObjectNode body(RequestInfo requestInfo) {
        return body(queryAndPassages(requestInfo));
    }

    /** The API's own body. */
    abstract ObjectNode body(QueryAndPassages request);

    /**
     * @throws IllegalArgumentException when the request has more than one turn or no query text
     */
    private QueryAndPassages queryAndPassages(RequestInfo requestInfo) {
        Turn turn = onlyTurn(requestInfo, name, "query with its passages", "");
        String query = null;
        List<String> passages = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Turn.Text text : turn.texts()) {
            String textName = text.name() == null ? "" : text.name();
            if (QUERY_NAMES.contains(textName)) {
                if (query == null && !text.contents().isEmpty()) {
                    query = text.contents().getFirst();
                }
            } else if (PASSAGE_NAMES.contains(textName)) {
                passages.addAll(text.contents());
            } else {
                ignored.add(textName);
            }
        }
        if (query == null) {
            throw new IllegalArgumentException("The " + name + " endpoint needs a text named 'query' (with the"
                    + " passages in texts named 'passages'), but turn " + requestInfo.turnIndex() + " of "
                    + requestInfo.xCorrelationId() + " has texts named " + names(turn)
                    + ". Use the synthetic rankings dataset (no --input-file) or give a file whose lines have"
                    + " \"texts\": [{\"name\": \"query\", \"contents\": [...]}, {\"name\": \"passages\", \"contents\": [...]}]");
        }
        if (!ignored.isEmpty() && otherNamesReported.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "The " + name + " endpoint ignores texts named " + ignored
                    + "; it sends only 'query' and 'passages'");
        }
        return new QueryAndPassages(options.modelFor(turn), query, passages);
    }

    private static List<String> names(Turn turn) {
        return turn.texts().stream().map(t -> "'" + (t.name() == null ? "" : t.name()) + "'").toList();
    }

    @Override
    public final ParsedResponse parseResponse(InferenceResponse response) {
        JsonNode json = ResponseJson.readValue(response, name);
        if (json == null) {
            return null;
        }
        JsonNode items = items(json);
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("A " + name + " response needs " + expected() + ": "
                    + ResponseJson.abbreviate(response.text()));
        }
        List<ResponseData.Ranking> rankings = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            JsonNode index = item.get("index");
            JsonNode score = firstNumber(item, "relevance_score", "logit", "score");
            if (index == null || !index.canConvertToInt() || score == null) {
                throw new IllegalArgumentException("Every ranking of a " + name + " response needs a numeric"
                        + " 'index' and a score (relevance_score, logit or score): "
                        + ResponseJson.abbreviate(response.text()));
            }
            rankings.add(new ResponseData.Ranking(index.intValue(), score.doubleValue()));
        }
        return new ParsedResponse(response.perfNs(), new ResponseData.Rankings(rankings),
                json.isObject() ? ResponseJson.usage(json) : null);
    }

    /** The list of scored passages in the API's answer, or null when it has none. */
    abstract JsonNode items(JsonNode json);

    /** What the answer must hold, for the error message. */
    abstract String expected();

    private static JsonNode firstNumber(JsonNode item, String... fields) {
        for (String field : fields) {
            JsonNode value = item.get(field);
            if (value != null && value.isNumber()) {
                return value;
            }
        }
        return null;
    }
}
