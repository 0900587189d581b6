package dev.aiperf.records;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.ParsedResponses;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.TokenCounts;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills a record's token counts (metrics spec §1.1 "Token counts"), on our side or from the server's usage.
 *
 * <p>Tokenising is most of the cost of processing a record, and a request without history sends a dataset
 * turn that many other requests send too, so those input counts are remembered by their texts: each distinct
 * prompt is tokenised once. Requests with history carry the server's earlier replies and are counted every
 * time. The memory is bounded: after {@value #MAX_REMEMBERED_INPUTS} distinct prompts (a dataset that never
 * repeats) nothing more is remembered. Thread-safe.
 */
final class TokenCounter {
    static final int MAX_REMEMBERED_INPUTS = 1 << 16;

    private final Tokenizer tokenizer;
    private final boolean countInput;
    private final boolean countOutput;
    private final Map<List<String>, Integer> inputCounts = new ConcurrentHashMap<>();

    /**
     * @param tokenizer   the tokenizer, or null when client-side counting is off
     * @param countInput  whether the endpoint tokenizes its input
     * @param countOutput whether the endpoint produces tokens
     */
    TokenCounter(Tokenizer tokenizer, boolean countInput, boolean countOutput) {
        this.tokenizer = tokenizer;
        this.countInput = countInput && tokenizer != null;
        this.countOutput = countOutput && tokenizer != null;
    }

    /** Input tokens: system prompt, user context and every turn's texts, joined by one space; null when empty. */
    Integer input(RequestInfo info) {
        if (!countInput || info == null) {
            return null;
        }
        List<String> texts = texts(info);
        if (texts.isEmpty()) {
            return null;
        }
        if (info.turns().size() > 1) {
            return countJoined(texts);
        }
        // Keyed by the dataset's own strings (their hashes are cached): a hit copies and rehashes no text.
        Integer known = inputCounts.get(texts);
        if (known != null) {
            return known;
        }
        int count = countJoined(texts);
        if (inputCounts.size() < MAX_REMEMBERED_INPUTS) {
            inputCounts.put(List.copyOf(texts), count);
        }
        return count;
    }

    /** The texts counted as input, in order; the turn's own list when it is all there is (most requests). */
    private static List<String> texts(RequestInfo info) {
        Conversation conversation = info.conversation();
        boolean noContext = conversation == null
                || (isEmpty(conversation.systemMessage()) && isEmpty(conversation.userContextMessage()));
        if (noContext && info.turns().size() == 1) {
            return info.turns().getFirst().allTexts();
        }
        List<String> texts = new ArrayList<>();
        if (conversation != null) {
            addIfPresent(texts, conversation.systemMessage());
            addIfPresent(texts, conversation.userContextMessage());
        }
        for (Turn turn : info.turns()) {
            texts.addAll(turn.allTexts());
        }
        return texts;
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    /** Client-side counts: output and reasoning texts each concatenated without a separator and counted once. */
    TokenCounts clientSide(RequestInfo info, ParsedResponses responses) {
        Integer input = input(info);
        if (!countOutput) {
            return new TokenCounts(input, null, null);
        }
        return new TokenCounts(input, count(responses.outputText()), count(responses.reasoningText()));
    }

    /**
     * Counts from the {@code usage} of the last response that has one: input = prompt (or input)
     * tokens, reasoning = reasoning tokens from the completion (or output) details, output =
     * completion (or output) tokens minus reasoning, never below 0.
     */
    static TokenCounts serverSide(ParsedResponses responses) {
        for (int i = responses.size() - 1; i >= 0; i--) {
            JsonNode usage = responses.usage(i);
            if (usage != null && usage.isObject() && !usage.isEmpty()) {
                Integer input = firstInt(usage.get("prompt_tokens"), usage.get("input_tokens"));
                Integer reasoning = firstInt(usage.path("completion_tokens_details").get("reasoning_tokens"),
                        usage.path("output_tokens_details").get("reasoning_tokens"));
                Integer completion = firstInt(usage.get("completion_tokens"), usage.get("output_tokens"));
                Integer output = completion == null ? null : Math.max(0, completion - (reasoning == null ? 0 : reasoning));
                return new TokenCounts(input, output, reasoning);
            }
        }
        return TokenCounts.NONE;
    }

    /** The tokens of a request's joined texts (one count per request, not per chunk); null when there is no text. */
    private Integer count(String joined) {
        return joined.isEmpty() ? null : tokenizer.count(joined);
    }

    private int countJoined(List<String> texts) {
        return tokenizer.count(texts.size() == 1 ? texts.getFirst() : String.join(" ", texts));
    }

    private static void addIfPresent(List<String> texts, String text) {
        if (text != null && !text.isEmpty()) {
            texts.add(text);
        }
    }

    private static Integer firstInt(JsonNode first, JsonNode fallback) {
        if (first != null && first.isNumber()) {
            return first.asInt();
        }
        return fallback != null && fallback.isNumber() ? fallback.asInt() : null;
    }
}
