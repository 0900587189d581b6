package dev.aiperf.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.export.ErrorCount;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.export.PythonNumbers;
import dev.aiperf.metrics.MetricTags;
import dev.aiperf.metrics.MetricsEnvironment;

import java.util.Locale;
import java.util.Optional;

/**
 * The warning panels printed after the results (metrics spec §6): output-length mismatch, token
 * count discrepancy, and the hint for servers that reject {@code max_completion_tokens}.
 */
public final class Warnings {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A titled block of text. */
    public record Panel(String title, String body) {
    }

    private Warnings() {
    }

    /** When some requests' output length differs from the requested {@code max_tokens} beyond the threshold. */
    public static Optional<Panel> oslMismatch(ExportContext context, MetricsEnvironment environment) {
        long mismatches = count(context, MetricTags.OSL_MISMATCH_COUNT);
        long requests = count(context, MetricTags.REQUEST_COUNT);
        if (mismatches <= 0 || requests <= 0) {
            return Optional.empty();
        }
        String pct = PythonNumbers.general(environment.oslMismatchPctThreshold());
        long maxTokens = environment.oslMismatchMaxTokenThreshold();
        String average = context.result(MetricTags.OSL_MISMATCH_DIFF_PCT).map(MetricResult::avg)
                .map(v -> oneDecimal(v) + "%").orElse("N/A");
        String body = grouped(mismatches) + " of " + grouped(requests) + " requests (" + oneDecimal(100.0 * mismatches / requests)
                + "%) have output length differing from requested by more than the threshold.\n"
                + "Threshold (tokens): min(requested × " + pct + "%, " + maxTokens + ")\n"
                + "Average mismatch: " + average + "\n"
                + "\n"
                + "Why: Server hit EOS token before reaching requested output length.\n"
                + "\n"
                + "Fix Options:\n"
                + "  • --extra-inputs ignore_eos:true — Generate until max_tokens (vLLM, TensorRT-LLM)\n"
                + "  • --extra-inputs min_tokens:<N> — Set minimum output length (vLLM, TensorRT-LLM, SGLang)\n"
                + "  • --use-server-token-count — Use server-reported token counts if tokenizer mismatch suspected\n"
                + "\n"
                + "Diagnostics:\n"
                + "  • Review profile_export.jsonl → osl_mismatch_diff_pct for per-request values\n"
                + "  • Adjust: AIPERF_METRICS_OSL_MISMATCH_PCT_THRESHOLD=" + pct + "\n"
                + "  • Adjust: AIPERF_METRICS_OSL_MISMATCH_MAX_TOKEN_THRESHOLD=" + maxTokens;
        return Optional.of(new Panel("Output Sequence Length Mismatch Warning", body));
    }

    /** When the server's usage token counts differ from ours beyond the threshold. */
    public static Optional<Panel> usageDiscrepancy(ExportContext context, MetricsEnvironment environment) {
        long discrepancies = count(context, MetricTags.USAGE_DISCREPANCY_COUNT);
        long requests = count(context, MetricTags.REQUEST_COUNT);
        if (discrepancies <= 0 || requests <= 0) {
            return Optional.empty();
        }
        String threshold = PythonNumbers.general(environment.usagePctDiffThreshold());
        String body = grouped(discrepancies) + " of " + grouped(requests) + " requests ("
                + oneDecimal(100.0 * discrepancies / requests) + "%) show a difference exceeding " + threshold
                + "% between:\n"
                + "  - API-reported usage tokens (from 'usage' field)\n"
                + "  - Client-computed token counts (from tokenization)\n"
                + "\n"
                + "Possible Causes:\n"
                + "  - Different tokenization methods (API vs client)\n"
                + "  - API special tokens or preprocessing\n"
                + "\n"
                + "Investigation Steps:\n"
                + "  1. Review profile_export.jsonl for per-request usage_*_diff_pct values\n"
                + "  2. Verify client tokenizer matches the model's tokenizer\n"
                + "  3. Use server token counts: --use-server-token-count (disables client tokenization and diff metrics)\n"
                + "  4. Adjust threshold: AIPERF_METRICS_USAGE_PCT_DIFF_THRESHOLD=" + threshold;
        return Optional.of(new Panel("Token Count Discrepancy Warning", body));
    }

    /** When the server rejected the {@code max_completion_tokens} field (e.g. TensorRT-LLM). */
    public static Optional<Panel> unsupportedMaxCompletionTokens(ExportContext context) {
        for (ErrorCount error : context.errorSummary()) {
            String text = errorText(error.details().message());
            if (text.contains("extra_forbidden") && text.contains("max_completion_tokens")
                    && text.contains("Extra inputs are not permitted")) {
                String body = "The backend rejected 'max_completion_tokens'. This backend only supports 'max_tokens'.\n"
                        + "\n"
                        + "Possible Causes:\n"
                        + "  • AIPerf generated 'max_completion_tokens' due to --output-tokens-mean.\n"
                        + "  • TRT-LLM rejects this field.\n"
                        + "\n"
                        + "Investigation Steps:\n"
                        + "  1. Inspect request payloads in inputs.json.\n"
                        + "  2. Check TRT-LLM supported parameters.\n"
                        + "\n"
                        + "Suggested Fixes:\n"
                        + "  • Remove --output-tokens-mean.\n"
                        + "  • Or use --extra-inputs \"max_tokens:<value>\".\n"
                        + "  • Or run AIPerf with '--use-legacy-max-tokens' to force use of the legacy 'max_tokens' "
                        + "field instead of 'max_completion_tokens'.";
                return Optional.of(new Panel("Unsupported Parameter: max_completion_tokens", body));
            }
        }
        return Optional.empty();
    }

    /** The {@code message} field of a JSON error body, else the raw text. */
    private static String errorText(String raw) {
        if (raw == null) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(raw);
            if (node != null && node.isObject() && node.path("message").isTextual()) {
                return node.get("message").asText();
            }
        } catch (Exception ignored) {
            // not JSON: match the raw text
        }
        return raw;
    }

    private static long count(ExportContext context, String tag) {
        return context.result(tag).map(MetricResult::avg).map(Double::longValue).orElse(0L);
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
