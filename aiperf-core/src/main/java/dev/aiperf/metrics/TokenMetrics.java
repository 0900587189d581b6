package dev.aiperf.metrics;

import dev.aiperf.api.model.TokenCounts;

import java.util.List;

import static dev.aiperf.api.record.MetricFlag.ERROR_ONLY;
import static dev.aiperf.api.record.MetricFlag.EXPERIMENTAL;
import static dev.aiperf.api.record.MetricFlag.LARGER_IS_BETTER;
import static dev.aiperf.api.record.MetricFlag.NO_CONSOLE;
import static dev.aiperf.api.record.MetricFlag.PRODUCES_TOKENS_ONLY;
import static dev.aiperf.api.record.MetricFlag.SUPPORTS_REASONING;
import static dev.aiperf.api.record.MetricFlag.TOKENIZES_INPUT_ONLY;
import static dev.aiperf.metrics.MetricBuilder.metric;
import static dev.aiperf.metrics.MetricTags.*;
import static dev.aiperf.metrics.MetricUnits.RATIO;
import static dev.aiperf.metrics.MetricUnits.TOKENS;

/** Token counts per request and their run totals (metrics spec §2.2 "Tokens"). */
final class TokenMetrics {
    private TokenMetrics() {
    }

    static List<Metric> recordMetrics() {
        return List.of(
                metric(OUTPUT_SEQUENCE_LENGTH, "Output Sequence Length", "OSL").unit(TOKENS).order(600)
                        .flags(PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER).record(TokenMetrics::outputSequenceLength),
                metric(INPUT_SEQUENCE_LENGTH, "Input Sequence Length", "ISL").unit(TOKENS).order(700)
                        .flags(TOKENIZES_INPUT_ONLY, LARGER_IS_BETTER).record(in -> toLong(in.tokenCounts().input())),
                metric(ERROR_ISL, "Error Input Sequence Length", "Error ISL").unit(TOKENS).order(700)
                        .flags(TOKENIZES_INPUT_ONLY, LARGER_IS_BETTER, NO_CONSOLE, ERROR_ONLY)
                        .record(in -> toLong(in.tokenCounts().input())),
                metric(OUTPUT_TOKEN_COUNT, "Output Token Count", "Output Tokens").unit(TOKENS)
                        .flags(PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, NO_CONSOLE).record(TokenMetrics::outputTokenCount),
                metric(REASONING_TOKEN_COUNT, "Reasoning Token Count", "Reasoning Tokens").unit(TOKENS)
                        .flags(PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, SUPPORTS_REASONING, NO_CONSOLE)
                        .record(in -> toLong(in.tokenCounts().reasoning())),
                metric(THINKING_EFFICIENCY, "Thinking Efficiency", null).unit(RATIO)
                        .flags(PRODUCES_TOKENS_ONLY, SUPPORTS_REASONING, EXPERIMENTAL)
                        .requires(REASONING_TOKEN_COUNT, OUTPUT_TOKEN_COUNT)
                        .record(in -> ratio(in.longValue(REASONING_TOKEN_COUNT), in.longValue(OUTPUT_TOKEN_COUNT))));
    }

    /** The run totals; each sums a per-request metric defined in {@code sources}. */
    static List<Metric> totals(java.util.function.Function<String, MetricDefinition> sources) {
        return List.of(
                metric(TOTAL_ISL, "Total Input Sequence Length", "Total ISL")
                        .flags(TOKENIZES_INPUT_ONLY, LARGER_IS_BETTER, NO_CONSOLE).sumOf(sources.apply(INPUT_SEQUENCE_LENGTH)),
                metric(TOTAL_OSL, "Total Output Sequence Length", "Total OSL")
                        .flags(PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, NO_CONSOLE).sumOf(sources.apply(OUTPUT_SEQUENCE_LENGTH)),
                metric(TOTAL_OUTPUT_TOKENS, "Total Output Tokens", "Total Output")
                        .flags(PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, NO_CONSOLE).sumOf(sources.apply(OUTPUT_TOKEN_COUNT)),
                metric(TOTAL_REASONING_TOKENS, "Total Reasoning Tokens", "Total Reasoning")
                        .flags(PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, NO_CONSOLE).sumOf(sources.apply(REASONING_TOKEN_COUNT)),
                metric(TOTAL_ERROR_ISL, "Total Error Input Sequence Length", "Total Error ISL")
                        .flags(TOKENIZES_INPUT_ONLY, LARGER_IS_BETTER, NO_CONSOLE, ERROR_ONLY).sumOf(sources.apply(ERROR_ISL)),
                metric(OVERALL_THINKING_EFFICIENCY, "Overall Thinking Efficiency", "Overall Eff.").unit(RATIO)
                        .flags(PRODUCES_TOKENS_ONLY, SUPPORTS_REASONING, EXPERIMENTAL)
                        .requires(TOTAL_OUTPUT_TOKENS, TOTAL_REASONING_TOKENS)
                        .derived(run -> run.value(TOTAL_OUTPUT_TOKENS) == 0 ? null
                                : run.value(TOTAL_REASONING_TOKENS) / run.value(TOTAL_OUTPUT_TOKENS)));
    }

    /** Output plus reasoning tokens; no value only when both are unknown. May be 0. */
    static Long outputSequenceLength(RecordInput in) {
        TokenCounts counts = in.tokenCounts();
        if (counts.output() == null && counts.reasoning() == null) {
            return null;
        }
        return (long) (counts.output() == null ? 0 : counts.output()) + (counts.reasoning() == null ? 0 : counts.reasoning());
    }

    /** Non-reasoning output tokens; unlike OSL, 0 means "no value". */
    static Long outputTokenCount(RecordInput in) {
        Integer output = in.tokenCounts().output();
        return output == null || output == 0 ? null : output.longValue();
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
