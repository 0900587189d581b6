package dev.aiperf.mock;

import java.nio.charset.StandardCharsets;

/**
 * The mock's Prometheus pages, in the text exposition format 0.0.4: {@code /metrics} with vLLM's metric names
 * (from {@link ServerLoad}, so they move with the load the mock really serves) and {@code /dcgm1/metrics},
 * {@code /dcgm2/metrics} in the DCGM exporter's names, with GPU figures derived from the same load (see
 * {@link DcgmFaker}).
 */
final class MetricsPages {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private MetricsPages() {
    }

    /** The Prometheus pages' paths: {@code /metrics} and the DCGM pages. */
    static boolean isScrapePath(String path) {
        return path.equals("/metrics") || path.equals("/dcgm1/metrics") || path.equals("/dcgm2/metrics");
    }

    static byte[] vllm(ServerLoad load, ServerControlState control) {
        String labels = "engine=\"0\",model_name=\"" + escape(load.modelName) + "\"";
        StringBuilder out = new StringBuilder(8192);
        gauge(out, "vllm:num_requests_running", "Number of requests in model execution batches.", labels,
                load.running.get());
        gauge(out, "vllm:num_requests_waiting", "Number of requests waiting to be processed.", labels,
                Math.max(0, load.waiting.get()));
        gauge(out, "vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", labels,
                load.kvCacheUsage());
        counter(out, "vllm:prompt_tokens_total", "Number of prefill tokens processed.", labels,
                load.promptTokens.sum());
        counter(out, "vllm:generation_tokens_total", "Number of generation tokens processed.", labels,
                load.generationTokens.sum());
        counter(out, "vllm:prefix_cache_queries_total",
                "Prefix cache queries, in terms of number of queried tokens.", labels, load.prefixQueries.sum());
        counter(out, "vllm:prefix_cache_hits_total", "Prefix cache hits, in terms of number of cached tokens.",
                labels, load.prefixHits.sum());
        out.append("# HELP vllm:request_success_total Count of successfully processed requests.\n")
                .append("# TYPE vllm:request_success_total counter\n");
        out.append("vllm:request_success_total{").append(labels).append(",finished_reason=\"stop\"} ")
                .append(load.finishedStop.sum()).append(".0\n");
        out.append("vllm:request_success_total{").append(labels).append(",finished_reason=\"length\"} ")
                .append(load.finishedLength.sum()).append(".0\n");
        out.append("vllm:request_success_total{").append(labels).append(",finished_reason=\"abort\"} ")
                .append(load.finishedAbort.sum()).append(".0\n");
        histogram(out, "vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", labels,
                load.ttft);
        histogram(out, "vllm:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.", labels,
                load.itl);
        histogram(out, "vllm:e2e_request_latency_seconds", "Histogram of e2e request latency in seconds.", labels,
                load.e2e);
        out.append("# HELP vllm:cache_config_info Information of the LLMEngine CacheConfig\n")
                .append("# TYPE vllm:cache_config_info gauge\n")
                .append("vllm:cache_config_info{block_size=\"16\",cache_dtype=\"auto\",engine=\"0\","
                        + "num_gpu_blocks=\"").append(ServerLoad.KV_CACHE_TOKENS / 16).append("\"} 1.0\n");
        control.writeMetrics(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void gauge(StringBuilder out, String name, String help, String labels, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, String labels, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append('{').append(labels).append("} ").append(value).append(".0\n");
    }

    private static void histogram(StringBuilder out, String name, String help, String labels,
                                  LatencyHistogram histogram) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" histogram\n");
        histogram.write(out, name, labels);
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
