package dev.aiperf.api.ui;

import java.util.List;

/**
 * The inference server's own load as its metrics endpoints last showed it, for a live view: requests running
 * and waiting, and KV-cache use. Only runs that scrape server metrics have it.
 *
 * @param endpoints one entry per scraped endpoint, in the configured order
 */
public record LiveServerMetrics(List<Endpoint> endpoints) {
    public LiveServerMetrics {
        endpoints = List.copyOf(endpoints);
    }

    /** No endpoint is scraped. */
    public static final LiveServerMetrics NONE = new LiveServerMetrics(List.of());

    /**
     * One endpoint's latest values. A value is null when the endpoint does not expose it (or was not scraped
     * yet); with several series of one metric (e.g. one per engine) counts are summed and the KV-cache use is
     * their mean.
     *
     * @param url                 the endpoint, credentials redacted
     * @param requestsRunning     requests the server is executing (vLLM {@code vllm:num_requests_running})
     * @param requestsWaiting     requests queued in the server (vLLM {@code vllm:num_requests_waiting})
     * @param kvCacheUsagePercent KV-cache use in percent, 0 to 100 (vLLM {@code vllm:kv_cache_usage_perc} × 100)
     * @param secondsSinceScrape  age of these values, or null before the first successful scrape
     */
    public record Endpoint(String url, Double requestsRunning, Double requestsWaiting, Double kvCacheUsagePercent,
                           Double secondsSinceScrape) {
        /** Whether a scrape of this endpoint has succeeded. */
        public boolean scraped() {
            return secondsSinceScrape != null;
        }
    }
}
