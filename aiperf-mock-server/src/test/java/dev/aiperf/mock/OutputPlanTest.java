package dev.aiperf.mock;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutputPlanTest {

    private static final int CORPUS = 2000;
    /** 40 characters of words: 10 tokens. */
    private static final String PROMPT = "the cat sat on the mat and then it slept";

    private static InferenceRequest chat(String model, String prompt, Integer max, Integer min, boolean ignoreEos,
                                         String effort) {
        return new InferenceRequest(InferenceRequest.Kind.CHAT, model, prompt, max, min, ignoreEos, false, false,
                effort);
    }

    @Test
    void ignoreEosAnswersExactlyMaxTokensWithFinishReasonLength() {
        OutputPlan plan = OutputPlan.plan(chat("m", PROMPT, 123, null, true, null), CORPUS);
        assertThat(plan.contentTokens()).isEqualTo(123);
        assertThat(plan.reasoningTokens()).isZero();
        assertThat(plan.finishReason()).isEqualTo("length");
        assertThat(plan.promptTokens()).isEqualTo(CharChunkTokenizer.count(PROMPT));
    }

    @Test
    void withoutLimitsTheLengthStaysWithinPointEightToOnePointTwoTimesThePrompt() {
        int prompt = CharChunkTokenizer.count(PROMPT);
        OutputPlan plan = OutputPlan.plan(chat("m", PROMPT, null, null, false, null), CORPUS);
        assertThat(plan.contentTokens()).isBetween((int) (prompt * 0.8), (int) (prompt * 1.2));
    }

    @Test
    void maxAndMinTokensBoundTheLength() {
        for (String prompt : List.of(PROMPT, "a b c d e f g h i j k l m n o p", "x")) {
            OutputPlan plan = OutputPlan.plan(chat("m", prompt, 50, 30, false, null), CORPUS);
            assertThat(plan.contentTokens()).isBetween(30, 50);
            assertThat(plan.finishReason()).isEqualTo(plan.contentTokens() == 50 ? "length" : "stop");
        }
        assertThat(OutputPlan.plan(chat("m", PROMPT, 5, 9, false, null), CORPUS).contentTokens())
                .as("min_tokens is capped at max").isEqualTo(5);
        assertThat(OutputPlan.plan(chat("m", PROMPT, 0, null, false, null), CORPUS).contentTokens()).isZero();
    }

    @Test
    void anEmptyPromptGetsNoTokens() {
        OutputPlan plan = OutputPlan.plan(chat("gpt-oss-20b", "", 10, null, true, null), CORPUS);
        assertThat(plan.totalTokens()).isZero();
        assertThat(plan.promptTokens()).isZero();
    }

    @Test
    void reasoningModelsSpendTheEffortBudgetFirst() {
        OutputPlan medium = OutputPlan.plan(chat("Qwen/Qwen3-8B", PROMPT, 400, null, true, null), CORPUS);
        assertThat(medium.reasoningTokens()).isEqualTo(250);
        assertThat(medium.contentTokens()).isEqualTo(150);
        assertThat(medium.completionTokens()).isEqualTo(400);

        OutputPlan high = OutputPlan.plan(chat("openai/gpt-oss-120b", PROMPT, 300, null, true, "high"), CORPUS);
        assertThat(high.reasoningTokens()).as("capped at the budget").isEqualTo(300);
        assertThat(high.contentTokens()).isZero();

        OutputPlan low = OutputPlan.plan(chat("gpt-oss", PROMPT, 300, null, true, "low"), CORPUS);
        assertThat(low.reasoningTokens()).isEqualTo(100);
        assertThat(low.reasoningStart()).isNotEqualTo(low.contentStart());

        InferenceRequest completion = new InferenceRequest(InferenceRequest.Kind.COMPLETION, "qwen", PROMPT, 300,
                null, true, false, false, null);
        assertThat(OutputPlan.plan(completion, CORPUS).reasoningTokens()).as("chat only").isZero();
        assertThat(OutputPlan.plan(chat("llama", PROMPT, 300, null, true, null), CORPUS).reasoningTokens()).isZero();
    }

    @Test
    void theSeedIsAStableHashOfTheFirstFivePromptTokens() {
        int seed = OutputPlan.seed(CharChunkTokenizer.leadingTokens(PROMPT, 5));
        // Pinned: the value must not change between runs, JVMs or releases.
        assertThat(seed).isEqualTo(316);
        assertThat(CharChunkTokenizer.leadingTokens(PROMPT, 5)).containsExactly("the ", "cat ", "sat ", "on t", "he m");
        assertThat(seed).isBetween(0, 999);
        assertThat(OutputPlan.seed(List.of("ab", "c"))).isNotEqualTo(OutputPlan.seed(List.of("a", "bc")));
        OutputPlan plan = OutputPlan.plan(chat("m", PROMPT + " and more words after the fifth token", 20, null, true,
                null), CORPUS);
        assertThat(plan.contentStart()).isEqualTo(seed % CORPUS);
    }
}
