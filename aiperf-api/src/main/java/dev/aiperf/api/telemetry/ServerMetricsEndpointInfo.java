package dev.aiperf.api.telemetry;

/**
 * How scraping one endpoint went ({@code summary.endpoint_info.<url>} of the original's export).
 *
 * @param totalFetches          scrapes that returned metrics
 * @param firstFetchNs          epoch ns of the first of them
 * @param lastFetchNs           epoch ns of the last of them
 * @param avgFetchLatencyMs     mean time from sending the scrape to its last byte
 * @param uniqueUpdates         scrapes whose values differed from the scrape before
 * @param firstUpdateNs         epoch ns of the first such scrape
 * @param lastUpdateNs          epoch ns of the last such scrape
 * @param durationSeconds       last fetch minus first fetch
 * @param avgUpdateIntervalMs   mean time between unique updates, or null with fewer than two
 * @param medianUpdateIntervalMs median time between unique updates, or null with fewer than two
 */
public record ServerMetricsEndpointInfo(long totalFetches, long firstFetchNs, long lastFetchNs,
                                        double avgFetchLatencyMs, long uniqueUpdates, long firstUpdateNs,
                                        long lastUpdateNs, double durationSeconds, Double avgUpdateIntervalMs,
                                        Double medianUpdateIntervalMs) {
}
