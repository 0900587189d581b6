package dev.aiperf.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.api.model.ParsedResponses;

import java.util.List;
import java.util.function.Function;

import static dev.aiperf.api.record.MetricFlag.LARGER_IS_BETTER;
import static dev.aiperf.api.record.MetricFlag.NO_CONSOLE;
import static dev.aiperf.api.record.MetricFlag.NO_INDIVIDUAL_RECORDS;
import static dev.aiperf.api.record.MetricFlag.PRODUCES_TOKENS_ONLY;
import static dev.aiperf.api.record.MetricFlag.SUPPORTS_REASONING;
import static dev.aiperf.api.record.MetricFlag.TOKENIZES_INPUT_ONLY;
import static dev.aiperf.api.record.MetricFlag.USAGE_DIFF_ONLY;
import static dev.aiperf.metrics.AggregateMetric.Aggregation.SUM;
import static dev.aiperf.metrics.MetricBuilder.metric;
import static dev.aiperf.metrics.MetricTags.*;
import static dev.aiperf.metrics.MetricUnits.PERCENT;
import static dev.aiperf.metrics.MetricUnits.REQUESTS;
import static dev.aiperf.metrics.MetricUnits.TOKENS;

/**
 * Token counts the server reported in its {@code usage} field, and how far they are from ours
 * (metrics spec §2.2 "Usage field").
 */
final class UsageMetrics {
    private UsageMetrics() {
    }

    static List<Metric> recordMetrics() {
        return List.of(
                metric(USAGE_PROMPT_TOKENS, "Usage Prompt Tokens", "Usage Prompt").unit(TOKENS)
                        .flags(TOKENIZES_INPUT_ONLY, LARGER_IS_BETTER, NO_CONSOLE)
                        .record(in -> lastUsage(in, u -> field(u, "prompt_tokens", "input_tokens"))),
                metric(USAGE_COMPLETION_TOKENS, "Usage Completion Tokens", "Usage Completion").unit(TOKENS)
                        .flags(PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, NO_CONSOLE)
                        .record(in -> lastUsage(in, u -> field(u, "completion_tokens", "output_tokens"))),
                metric(USAGE_TOTAL_TOKENS, "Usage Total Tokens", "Usage Total").unit(TOKENS)
                        .flags(PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, NO_CONSOLE)
                        .record(in -> lastUsage(in, u -> field(u, "total_tokens", "total_tokens"))),
                metric(USAGE_REASONING_TOKENS, "Usage Reasoning Tokens", "Usage Reasoning").unit(TOKENS)
                        .flags(PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, NO_CONSOLE)
                        .record(in -> lastUsage(in, UsageMetrics::reasoningTokens)),
                metric(USAGE_PROMPT_TOKENS_DIFF_PCT, "Usage Prompt Diff", "Prompt Diff").unit(PERCENT)
                        .flags(TOKENIZES_INPUT_ONLY, USAGE_DIFF_ONLY, NO_CONSOLE)
                        .requires(USAGE_PROMPT_TOKENS, INPUT_SEQUENCE_LENGTH)
                        .record(in -> diffPercent(in, USAGE_PROMPT_TOKENS, INPUT_SEQUENCE_LENGTH)),
                metric(USAGE_COMPLETION_TOKENS_DIFF_PCT, "Usage Completion Diff %", "Completion Diff").unit(PERCENT)
                        .flags(PRODUCES_TOKENS_ONLY, USAGE_DIFF_ONLY, NO_CONSOLE)
                        .requires(USAGE_COMPLETION_TOKENS, OUTPUT_SEQUENCE_LENGTH)
                        .record(in -> diffPercent(in, USAGE_COMPLETION_TOKENS, OUTPUT_SEQUENCE_LENGTH)),
                metric(USAGE_REASONING_TOKENS_DIFF_PCT, "Usage Reasoning Diff %", "Reasoning Diff").unit(PERCENT)
                        .flags(PRODUCES_TOKENS_ONLY, SUPPORTS_REASONING, USAGE_DIFF_ONLY, NO_CONSOLE)
                        .requires(USAGE_REASONING_TOKENS, REASONING_TOKEN_COUNT)
                        .record(in -> diffPercent(in, USAGE_REASONING_TOKENS, REASONING_TOKEN_COUNT)),
                // Prompt cache: the original's tags and vendor synonyms; NO_CONSOLE like every usage metric here.
                metric(USAGE_PROMPT_CACHE_READ_TOKENS, "Usage Prompt Cache Read Tokens", "Usage Prompt Cache Read")
                        .unit(TOKENS).order(1010).flags(LARGER_IS_BETTER, NO_CONSOLE)
                        .record(in -> lastUsage(in, UsageMetrics::cacheReadTokens)),
                metric(USAGE_PROMPT_CACHE_WRITE_TOKENS, "Usage Prompt Cache Write Tokens", "Usage Prompt Cache Write")
                        .unit(TOKENS).order(1015).flags(NO_CONSOLE)
                        .record(in -> lastUsage(in, u -> field(u, "cache_creation_input_tokens", "cacheWriteInputTokens"))),
                metric(USAGE_PROMPT_CACHE_MISS_TOKENS, "Usage Prompt Cache Miss Tokens", "Usage Prompt Cache Miss")
                        .unit(TOKENS).order(1017).flags(NO_CONSOLE)
                        .record(in -> lastUsage(in, u -> field(u, "prompt_cache_miss_tokens", "prompt_cache_miss_tokens"))));
    }

    /**
     * Prompt tokens served from the server's prefix cache: OpenAI/vLLM {@code prompt_tokens_details.cached_tokens}
     * (Responses API: {@code input_tokens_details}), Anthropic {@code cache_read_input_tokens}, DeepSeek
     * {@code prompt_cache_hit_tokens}, Gemini {@code cachedContentTokenCount}, Bedrock {@code cacheReadInputTokens}.
     */
    static Long cacheReadTokens(JsonNode usage) {
        Long value = number(usage.path("prompt_tokens_details").get("cached_tokens"));
        if (value == null) {
            value = number(usage.path("input_tokens_details").get("cached_tokens"));
        }
        for (String name : List.of("cache_read_input_tokens", "prompt_cache_hit_tokens", "cachedContentTokenCount",
                "cacheReadInputTokens")) {
            if (value != null) {
                break;
            }
            value = number(usage.get(name));
        }
        return value;
    }

    /** Cache-read tokens over all prompt tokens the server reported, in percent. */
    static Metric overallCacheReadPercent() {
        return metric(OVERALL_USAGE_PROMPT_CACHE_READ_PCT, "Overall Usage Prompt Cache Read %", "Overall Cache Read %")
                .unit(PERCENT).order(2012).flags(LARGER_IS_BETTER, NO_CONSOLE)
                .requires(TOTAL_USAGE_PROMPT_CACHE_READ_TOKENS, TOTAL_USAGE_PROMPT_TOKENS)
                .derived(run -> {
                    double prompt = run.value(TOTAL_USAGE_PROMPT_TOKENS);
                    return prompt == 0 ? null : run.value(TOTAL_USAGE_PROMPT_CACHE_READ_TOKENS) / prompt * 100.0;
                });
    }

    /** The discrepancy counter; {@code thresholdPercent} is AIPERF_METRICS_USAGE_PCT_DIFF_THRESHOLD. */
    static Metric discrepancyCount(double thresholdPercent) {
        return metric(USAGE_DISCREPANCY_COUNT, "Usage Discrepancy Count", "Discrepancies").unit(REQUESTS)
                .flags(USAGE_DIFF_ONLY, NO_CONSOLE, NO_INDIVIDUAL_RECORDS)
                .requires(USAGE_PROMPT_TOKENS_DIFF_PCT, USAGE_COMPLETION_TOKENS_DIFF_PCT)
                .aggregate(SUM, in -> isDiscrepancy(in, thresholdPercent) ? 1L : 0L);
    }

    static List<Metric> totals(Function<String, MetricDefinition> sources) {
        // sum metrics without flags of their own inherit the source's flags
        return List.of(
                inherit(metric(TOTAL_USAGE_PROMPT_TOKENS, "Total Usage Prompt Tokens", "Total Usage Prompt"),
                        sources.apply(USAGE_PROMPT_TOKENS)),
                inherit(metric(TOTAL_USAGE_COMPLETION_TOKENS, "Total Usage Completion Tokens", "Total Usage Completion"),
                        sources.apply(USAGE_COMPLETION_TOKENS)),
                inherit(metric(TOTAL_USAGE_TOTAL_TOKENS, "Total Usage Total Tokens", "Total Usage Total"),
                        sources.apply(USAGE_TOTAL_TOKENS)),
                inherit(metric(TOTAL_USAGE_PROMPT_CACHE_READ_TOKENS, "Total Usage Prompt Cache Read Tokens",
                        "Total Usage Prompt Cache Read"), sources.apply(USAGE_PROMPT_CACHE_READ_TOKENS)),
                inherit(metric(TOTAL_USAGE_PROMPT_CACHE_WRITE_TOKENS, "Total Usage Prompt Cache Write Tokens",
                        "Total Usage Prompt Cache Write"), sources.apply(USAGE_PROMPT_CACHE_WRITE_TOKENS)),
                inherit(metric(TOTAL_USAGE_PROMPT_CACHE_MISS_TOKENS, "Total Usage Prompt Cache Miss Tokens",
                        "Total Usage Prompt Cache Miss"), sources.apply(USAGE_PROMPT_CACHE_MISS_TOKENS)));
    }

    private static Metric inherit(MetricBuilder builder, MetricDefinition source) {
        return builder.flags(source.flags().toArray(new MetricFlag[0])).sumOf(source);
    }

    /** The last non-null value over all responses, searched backwards (usage-only chunks included). */
    static Long lastUsage(RecordInput in, Function<JsonNode, Long> extractor) {
        ParsedResponses responses = in.record().parsedResponses();
        for (int i = responses.size() - 1; i >= 0; i--) {
            JsonNode usage = responses.usage(i);
            if (usage != null && usage.isObject()) {
                Long value = extractor.apply(usage);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    static Long field(JsonNode usage, String name, String fallback) {
        Long value = number(usage.get(name));
        return value != null ? value : number(usage.get(fallback));
    }

    static Long reasoningTokens(JsonNode usage) {
        Long value = number(usage.path("completion_tokens_details").get("reasoning_tokens"));
        return value != null ? value : number(usage.path("output_tokens_details").get("reasoning_tokens"));
    }

    private static Long number(JsonNode node) {
        return node != null && node.isNumber() ? node.asLong() : null;
    }

    private static Double diffPercent(RecordInput in, String reportedTag, String countedTag) {
        long counted = in.longValue(countedTag);
        if (counted == 0) {
            return null;
        }
        return (double) Math.abs(in.longValue(reportedTag) - counted) / counted * 100;
    }

    private static boolean isDiscrepancy(RecordInput in, double threshold) {
        return in.doubleValue(USAGE_PROMPT_TOKENS_DIFF_PCT) > threshold
                || in.doubleValue(USAGE_COMPLETION_TOKENS_DIFF_PCT) > threshold
                || (in.has(USAGE_REASONING_TOKENS_DIFF_PCT) && in.doubleValue(USAGE_REASONING_TOKENS_DIFF_PCT) > threshold);
    }
}
