package dev.aiperf.metrics;

/** Tags of the built-in metrics, as they appear in every export. */
public final class MetricTags {
    public static final String TIME_TO_FIRST_TOKEN = "time_to_first_token";
    public static final String TIME_TO_SECOND_TOKEN = "time_to_second_token";
    public static final String TIME_TO_FIRST_OUTPUT_TOKEN = "time_to_first_output_token";
    public static final String REQUEST_LATENCY = "request_latency";
    public static final String INTER_TOKEN_LATENCY = "inter_token_latency";
    public static final String INTER_CHUNK_LATENCY = "inter_chunk_latency";
    public static final String OUTPUT_TOKEN_THROUGHPUT_PER_USER = "output_token_throughput_per_user";
    public static final String PREFILL_THROUGHPUT_PER_USER = "prefill_throughput_per_user";
    public static final String STREAM_SETUP_LATENCY = "stream_setup_latency";
    public static final String STREAM_PREFILL_LATENCY = "stream_prefill_latency";
    public static final String CREDIT_DROP_LATENCY = "credit_drop_latency";

    public static final String INPUT_SEQUENCE_LENGTH = "input_sequence_length";
    public static final String ERROR_ISL = "error_isl";
    public static final String OUTPUT_SEQUENCE_LENGTH = "output_sequence_length";
    public static final String OUTPUT_TOKEN_COUNT = "output_token_count";
    public static final String REASONING_TOKEN_COUNT = "reasoning_token_count";
    public static final String TOTAL_ISL = "total_isl";
    public static final String TOTAL_OSL = "total_osl";
    public static final String TOTAL_OUTPUT_TOKENS = "total_output_tokens";
    public static final String TOTAL_REASONING_TOKENS = "total_reasoning_tokens";
    public static final String TOTAL_ERROR_ISL = "total_error_isl";
    public static final String THINKING_EFFICIENCY = "thinking_efficiency";
    public static final String OVERALL_THINKING_EFFICIENCY = "overall_thinking_efficiency";

    public static final String REQUEST_COUNT = "request_count";
    public static final String ERROR_REQUEST_COUNT = "error_request_count";
    public static final String MIN_REQUEST_TIMESTAMP = "min_request_timestamp";
    public static final String MAX_RESPONSE_TIMESTAMP = "max_response_timestamp";
    public static final String BENCHMARK_DURATION = "benchmark_duration";
    public static final String REQUEST_THROUGHPUT = "request_throughput";
    public static final String OUTPUT_TOKEN_THROUGHPUT = "output_token_throughput";
    public static final String TOTAL_TOKEN_THROUGHPUT = "total_token_throughput";

    public static final String GOOD_REQUEST_COUNT = "good_request_count";
    public static final String GOODPUT = "goodput";

    public static final String USAGE_PROMPT_TOKENS = "usage_prompt_tokens";
    public static final String USAGE_COMPLETION_TOKENS = "usage_completion_tokens";
    public static final String USAGE_TOTAL_TOKENS = "usage_total_tokens";
    public static final String USAGE_REASONING_TOKENS = "usage_reasoning_tokens";
    public static final String TOTAL_USAGE_PROMPT_TOKENS = "total_usage_prompt_tokens";
    public static final String TOTAL_USAGE_COMPLETION_TOKENS = "total_usage_completion_tokens";
    public static final String TOTAL_USAGE_TOTAL_TOKENS = "total_usage_total_tokens";
    public static final String USAGE_PROMPT_TOKENS_DIFF_PCT = "usage_prompt_tokens_diff_pct";
    public static final String USAGE_COMPLETION_TOKENS_DIFF_PCT = "usage_completion_tokens_diff_pct";
    public static final String USAGE_REASONING_TOKENS_DIFF_PCT = "usage_reasoning_tokens_diff_pct";
    public static final String USAGE_DISCREPANCY_COUNT = "usage_discrepancy_count";

    public static final String REQUESTED_OSL = "requested_osl";
    public static final String OSL_MISMATCH_DIFF_PCT = "osl_mismatch_diff_pct";
    public static final String OSL_MISMATCH_COUNT = "osl_mismatch_count";

    public static final String NUM_IMAGES = "num_images";
    public static final String IMAGE_THROUGHPUT = "image_throughput";
    public static final String IMAGE_LATENCY = "image_latency";
    public static final String TOTAL_NUM_IMAGES = "total_num_images";
    public static final String IMAGE_SAMPLES_PER_SECOND = "image_samples_per_second";

    private MetricTags() {
    }
}
