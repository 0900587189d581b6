package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A body from a user's Jinja2 template, for an API no built-in endpoint speaks (spec §4.3 "template"):
 * {@code --extra-inputs payload_template:<named|file|inline>} renders the body, every other extra is merged into it,
 * and {@code response_field:<JMESPath>} optionally says where the answer is (else it is detected). There is no
 * default path: {@code --url} is the full address, or add {@code --endpoint}.
 *
 * <p>Template variables, from the request's first turn: {@code text}, {@code texts}, {@code query}, {@code queries},
 * {@code passage}, {@code passages}, {@code texts_by_name}, {@code image}, {@code images}, {@code audio},
 * {@code audios}, {@code video}, {@code videos} and their {@code *_by_name} maps, {@code model},
 * {@code max_tokens}, {@code role}, {@code turn}, {@code turns}, {@code request_info} and {@code stream}.
 */
public final class TemplateEndpoint implements Endpoint {

    private final EndpointOptions options;
    private final PayloadTemplate template;
    private final AutoDetectedResponse responses;

    /** @throws IllegalArgumentException when the template is missing, unreadable or not Jinja2, or the path bad */
    public TemplateEndpoint(EndpointContext context) {
        EndpointOptions all = EndpointOptions.from(context.config(), context.metadata());
        this.template = PayloadTemplate.of(all.extraText(PayloadTemplate.EXTRA_KEY));
        String field = all.extraText(ResponseField.EXTRA_KEY);
        this.responses = new AutoDetectedResponse(field == null ? null : ResponseField.compile(field));
        this.options = all.withoutExtras(PayloadTemplate.EXTRA_KEY, ResponseField.EXTRA_KEY);
    }

    @Override
    public ObjectNode formatPayload(RequestInfo requestInfo) {
        ObjectNode payload = template.render(variables(requestInfo));
        options.mergeExtras(payload);
        return payload;
    }

    @Override
    public ParsedResponse parseResponse(InferenceResponse response) {
        return responses.parse(response);
    }

    private Map<String, Object> variables(RequestInfo requestInfo) {
        Turn turn = requestInfo.turns().getFirst();
        Map<String, Object> variables = new HashMap<>();
        List<String> texts = turn.allTexts();
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Turn.Text text : turn.texts()) {
            byName.computeIfAbsent(text.name() == null ? "" : text.name(), n -> new ArrayList<>())
                    .addAll(text.contents());
        }
        List<String> queries = named(byName, "query", "queries");
        List<String> passages = named(byName, "passages", "passage");
        variables.put("text", texts.isEmpty() ? null : texts.getFirst());
        variables.put("texts", texts);
        variables.put("query", queries.isEmpty() ? null : queries.getFirst());
        variables.put("queries", queries);
        variables.put("passage", passages.isEmpty() ? null : passages.getFirst());
        variables.put("passages", passages);
        variables.put("texts_by_name", byName);
        putMedia(variables, "image", turn.allImages(), turn.images());
        putMedia(variables, "audio", turn.allAudios(), turn.audios());
        putMedia(variables, "video", turn.allVideos(), turn.videos());
        variables.put("model", options.modelFor(requestInfo.currentTurn()));
        variables.put("max_tokens", turn.maxTokens());
        variables.put("role", turn.role() == null ? "user" : turn.role());
        variables.put("turn", turnVariables(turn));
        variables.put("turns", requestInfo.turns().stream().map(TemplateEndpoint::turnVariables).toList());
        Map<String, Object> info = new HashMap<>();
        info.put("turn_index", requestInfo.turnIndex());
        info.put("credit_num", requestInfo.creditNum());
        info.put("x_request_id", requestInfo.xRequestId());
        info.put("x_correlation_id", requestInfo.xCorrelationId());
        info.put("conversation_id", requestInfo.conversation() == null ? null
                : requestInfo.conversation().sessionId());
        variables.put("request_info", info);
        variables.put("stream", options.streaming());
        return variables;
    }

    /** {@code image}, {@code images}, {@code images_by_name} and the same for audio and video. */
    private static void putMedia(Map<String, Object> variables, String kind, List<String> all, List<Turn.Media> batches) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Turn.Media batch : batches) {
            byName.computeIfAbsent(batch.name() == null ? "" : batch.name(), n -> new ArrayList<>())
                    .addAll(batch.contents());
        }
        variables.put(kind, all.isEmpty() ? null : all.getFirst());
        variables.put(kind + "s", all);
        variables.put(kind + "s_by_name", byName);
    }

    private static List<String> named(Map<String, List<String>> byName, String... names) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            found.addAll(byName.getOrDefault(name, List.of()));
        }
        return found;
    }

    private static Map<String, Object> turnVariables(Turn turn) {
        Map<String, Object> map = new HashMap<>();
        map.put("model", turn.model());
        map.put("role", turn.role() == null ? "user" : turn.role());
        map.put("max_tokens", turn.maxTokens());
        map.put("texts", turn.allTexts());
        return map;
    }
}
