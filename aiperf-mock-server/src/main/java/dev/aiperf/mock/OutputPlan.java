package dev.aiperf.mock;

import java.util.List;
import java.util.Locale;

/**
 * What one completion answers, decided before the first byte is written: how many reasoning and content tokens,
 * where in the corpus each run starts, and why it stops. The rules are the original tool's token model.
 *
 * @param promptTokens    tokens in the prompt text
 * @param reasoningTokens reasoning tokens, streamed first ({@code reasoning_content})
 * @param reasoningStart  corpus index of the first reasoning token
 * @param contentTokens   content tokens
 * @param contentStart    corpus index of the first content token
 * @param finishReason    {@code length} when the content filled its budget, else {@code stop}
 */
record OutputPlan(int promptTokens, int reasoningTokens, int reasoningStart, int contentTokens, int contentStart,
                  String finishReason) {

    private static final int SEED_TOKENS = 5;
    private static final int SEED_MODULUS = 1000;

    /** Tokens streamed in total: reasoning first, then content. */
    int totalTokens() {
        return reasoningTokens + contentTokens;
    }

    /** {@code completion_tokens} of the usage: content plus reasoning, as OpenAI counts them. */
    int completionTokens() {
        return reasoningTokens + contentTokens;
    }

    /**
     * Plans the answer to {@code request}.
     *
     * <ul>
     *   <li>Budget: {@code max = max_tokens ?? max(2·prompt, 16)};
     *       {@code min = min_tokens ?? max(1, ⌊0.8·prompt⌋)}, capped at max.</li>
     *   <li>{@code ignore_eos}: exactly {@code max} tokens. Otherwise {@code min + seed mod (hi − min + 1)} where
     *       {@code hi} is max when max or min tokens were given,
     *       else {@code max(min, min(⌊1.2·prompt⌋, max))}.</li>
     *   <li>Reasoning (chat, model containing {@code gpt-oss} or {@code qwen}): {@code min(effort tokens, budget)}
     *       reasoning tokens come first and the content budget shrinks by as many.</li>
     *   <li>{@code seed} is a stable hash of the first five prompt tokens, mod 1000; content starts at corpus
     *       index {@code seed}, reasoning half a corpus further on. An empty prompt gets no tokens at all.</li>
     * </ul>
     */
    static OutputPlan plan(InferenceRequest request, int corpusSize) {
        return plan(request, MockTokenizer.CHAR_CHUNKS, corpusSize);
    }

    /**
     * Plans the answer to {@code request} with the corpus's tokenizer; each run then starts where its text counts
     * exactly as many tokens when encoded again ({@link TokenCorpus#exactStart}).
     */
    static OutputPlan plan(InferenceRequest request, TokenCorpus corpus) {
        OutputPlan plan = plan(request, corpus.tokenizer(), corpus.size());
        return new OutputPlan(plan.promptTokens, plan.reasoningTokens,
                corpus.exactStart(plan.reasoningStart, plan.reasoningTokens), plan.contentTokens,
                corpus.exactStart(plan.contentStart, plan.contentTokens), plan.finishReason);
    }

    private static OutputPlan plan(InferenceRequest request, MockTokenizer tokenizer, int corpusSize) {
        int promptTokens = tokenizer.count(request.promptText());
        if (promptTokens == 0) {
            return new OutputPlan(0, 0, 0, 0, 0, "stop");
        }
        int seed = seed(tokenizer.leadingTokens(request.promptText(), SEED_TOKENS));
        Integer maxTokens = request.maxTokens();
        int reasoningTokens = 0;
        int effortTokens = reasoningEffortTokens(request);
        if (effortTokens > 0) {
            int budget = maxTokens != null ? maxTokens : defaultMax(promptTokens);
            reasoningTokens = Math.min(effortTokens, budget);
            maxTokens = budget - reasoningTokens;
        }

        int max = maxTokens != null ? maxTokens : defaultMax(promptTokens);
        Integer minTokens = request.minTokens();
        int min = Math.min(minTokens != null ? minTokens : Math.max(1, (int) (promptTokens * 0.8)), max);
        int contentTokens;
        if (request.ignoreEos()) {
            contentTokens = max;
        } else {
            int hi = maxTokens != null || minTokens != null
                    ? max
                    : Math.max(min, Math.min((int) (promptTokens * 1.2), max));
            contentTokens = min + seed % (hi - min + 1);
        }
        String finishReason = contentTokens == max ? "length" : "stop";
        return new OutputPlan(promptTokens, reasoningTokens, (seed + corpusSize / 2) % corpusSize, contentTokens,
                seed % corpusSize, finishReason);
    }

    private static int defaultMax(int promptTokens) {
        return Math.max(2 * promptTokens, 16);
    }

    private static int reasoningEffortTokens(InferenceRequest request) {
        if (request.kind() != InferenceRequest.Kind.CHAT && request.kind() != InferenceRequest.Kind.RESPONSES) {
            return 0;
        }
        String model = request.model().toLowerCase(Locale.ROOT);
        if (!model.contains("gpt-oss") && !model.contains("qwen")) {
            return 0;
        }
        String effort = request.reasoningEffort();
        return switch (effort == null ? "medium" : effort) {
            case "low" -> 100;
            case "high" -> 500;
            default -> 250;
        };
    }

    /**
     * A hash of the leading prompt tokens, mod 1000, the same in every run and JVM: FNV-1a over the UTF-16 units,
     * with a separator after each token.
     */
    static int seed(List<String> leadingTokens) {
        long hash = 0xcbf29ce484222325L;
        for (String token : leadingTokens) {
            for (int i = 0; i < token.length(); i++) {
                hash = (hash ^ token.charAt(i)) * 0x100000001b3L;
            }
            hash = (hash ^ 0x1F) * 0x100000001b3L;
        }
        return (int) Long.remainderUnsigned(hash, SEED_MODULUS);
    }
}
