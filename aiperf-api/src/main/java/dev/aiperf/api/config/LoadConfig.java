package dev.aiperf.api.config;

/**
 * How much load and for how long (spec §1.3 "Load generator", §2).
 *
 * @param timingStrategy           timing strategy plugin name (derived, spec §1.4)
 * @param concurrency              session concurrency limit, or null for none
 * @param requestRate              requests per second, or null for concurrency mode
 * @param arrivalPattern           arrival pattern plugin name
 * @param arrivalSmoothness        gamma shape, or null
 * @param requestCount             stop after this many requests, or null
 * @param numSessions              stop after this many sessions, or null
 * @param benchmarkDurationSeconds stop sending after this long, or null
 * @param gracePeriodSeconds       wait this long for in-flight requests after the duration
 * @param warmupRequestCount       warm-up requests, or null
 * @param warmupDurationSeconds    warm-up duration, or null
 */
public record LoadConfig(String timingStrategy, Integer concurrency, Double requestRate, String arrivalPattern,
                         Double arrivalSmoothness, Integer requestCount, Integer numSessions,
                         Double benchmarkDurationSeconds, double gracePeriodSeconds, Integer warmupRequestCount,
                         Double warmupDurationSeconds) {
}
