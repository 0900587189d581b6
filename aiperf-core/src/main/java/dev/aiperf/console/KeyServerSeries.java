package dev.aiperf.console;

import java.util.List;

/**
 * The server-side series worth a glance, and their names in the backends this tool knows: vLLM, SGLang (with
 * {@code --enable-metrics}), TensorRT-LLM ({@code trtllm-serve}, {@code return_perf_metrics: true}) and NVIDIA NIM
 * (vLLM's names without the {@code vllm:} prefix). The first name a server exposes wins.
 */
final class KeyServerSeries {
    /** How a row's value comes out of the series. */
    enum Kind {
        /** a gauge's statistics, summed over label sets */
        GAUGE,
        /** a 0..1 gauge shown as a percentage, averaged over label sets */
        RATIO_GAUGE,
        /** a counter's rate over the window (per second) */
        COUNTER_RATE,
        /** hits counter over queries counter, as a percentage */
        HIT_RATIO,
        /** a histogram in seconds, shown in ms */
        HISTOGRAM_SECONDS
    }

    /**
     * One row.
     *
     * @param label   what the row shows
     * @param kind    how its value is computed
     * @param names   candidate metric names, first match wins; for {@link Kind#HIT_RATIO} pairs of hits, queries
     */
    record Row(String label, Kind kind, List<String> names) {
    }

    static final Row REQUESTS_RUNNING = new Row("Requests running", Kind.GAUGE, List.of("vllm:num_requests_running",
            "sglang:num_running_reqs", "trtllm_num_requests_running", "num_requests_running"));
    static final Row REQUESTS_WAITING = new Row("Requests waiting", Kind.GAUGE, List.of("vllm:num_requests_waiting",
            "sglang:num_queue_reqs", "trtllm_num_requests_waiting", "num_requests_waiting"));
    static final Row KV_CACHE_USAGE = new Row("KV-cache usage (%)", Kind.RATIO_GAUGE, List.of("vllm:kv_cache_usage_perc",
            "vllm:gpu_cache_usage_perc", "sglang:token_usage", "trtllm_kv_cache_utilization", "gpu_cache_usage_perc"));

    static final List<Row> ROWS = List.of(
            REQUESTS_RUNNING,
            REQUESTS_WAITING,
            KV_CACHE_USAGE,
            new Row("Prefix-cache hit rate (%)", Kind.HIT_RATIO, List.of("vllm:prefix_cache_hits_total",
                    "vllm:prefix_cache_queries_total", "vllm:gpu_prefix_cache_hits_total",
                    "vllm:gpu_prefix_cache_queries_total")),
            new Row("Prefix-cache hit rate (%)", Kind.RATIO_GAUGE, List.of("sglang:cache_hit_rate",
                    "trtllm_kv_cache_hit_rate", "gpu_prefix_cache_hit_rate")),
            new Row("Prompt throughput (tokens/s)", Kind.COUNTER_RATE, List.of("vllm:prompt_tokens_total",
                    "sglang:prompt_tokens_total", "trtllm_prompt_tokens_total", "prompt_tokens_total")),
            new Row("Generation throughput (tokens/s)", Kind.COUNTER_RATE, List.of("vllm:generation_tokens_total",
                    "sglang:generation_tokens_total", "trtllm_generation_tokens_total", "generation_tokens_total")),
            new Row("Server TTFT (ms)", Kind.HISTOGRAM_SECONDS, List.of("vllm:time_to_first_token_seconds",
                    "sglang:time_to_first_token_seconds", "trtllm_time_to_first_token_seconds",
                    "time_to_first_token_seconds")),
            new Row("Server request latency (ms)", Kind.HISTOGRAM_SECONDS, List.of("vllm:e2e_request_latency_seconds",
                    "sglang:e2e_request_latency_seconds", "trtllm_e2e_request_latency_seconds",
                    "e2e_request_latency_seconds")));

    private KeyServerSeries() {
    }
}
