package dev.aiperf.api.config;

/**
 * How much load and for how long (spec §1.3 "Load generator", §2). Durations are seconds; an
 * unbounded grace period is {@link Double#POSITIVE_INFINITY}.
 *
 * @param timingStrategy                      timing strategy plugin name (derived, spec §1.4)
 * @param concurrency                         session concurrency limit, or null for none
 * @param requestRate                         requests per second, or null for concurrency mode
 * @param arrivalPattern                      arrival pattern plugin name
 * @param arrivalSmoothness                   gamma shape, or null
 * @param requestCount                        stop after this many requests, or null
 * @param numSessions                         stop after this many sessions, or null
 * @param benchmarkDurationSeconds            stop sending after this long, or null
 * @param gracePeriodSeconds                  wait this long for in-flight requests after the duration
 * @param warmupRequestCount                  warm-up requests, or null
 * @param warmupDurationSeconds               warm-up duration, or null
 * @param numWarmupSessions                   warm-up sessions, or null
 * @param warmupConcurrency                   warm-up concurrency, or null to inherit
 * @param warmupRequestRate                   warm-up rate, or null to inherit
 * @param warmupArrivalPattern                warm-up pattern, or null to inherit
 * @param warmupGracePeriodSeconds            drain time after the warm-up duration
 * @param concurrencyRampSeconds              ramp concurrency 1 to target over this long, or null
 * @param requestRateRampSeconds              ramp the rate up to target over this long, or null
 * @param warmupConcurrencyRampSeconds        warm-up concurrency ramp, or null to inherit
 * @param warmupRequestRateRampSeconds        warm-up rate ramp, or null to inherit
 * @param shape                               trace replay, user-centric rate, prefill limit, cancellation,
 *                                            ramp type and URL selection ({@link LoadShapeConfig#NONE}: none)
 */
public record LoadConfig(String timingStrategy, Integer concurrency, Double requestRate, String arrivalPattern,
                         Double arrivalSmoothness, Integer requestCount, Integer numSessions,
                         Double benchmarkDurationSeconds, double gracePeriodSeconds, Integer warmupRequestCount,
                         Double warmupDurationSeconds, Integer numWarmupSessions, Integer warmupConcurrency,
                         Double warmupRequestRate, String warmupArrivalPattern, double warmupGracePeriodSeconds,
                         Double concurrencyRampSeconds, Double requestRateRampSeconds,
                         Double warmupConcurrencyRampSeconds, Double warmupRequestRateRampSeconds,
                         LoadShapeConfig shape) {

    public LoadConfig {
        shape = shape == null ? LoadShapeConfig.NONE : shape;
    }

    /** The form without load shapes (kept for callers written before they existed). */
    public LoadConfig(String timingStrategy, Integer concurrency, Double requestRate, String arrivalPattern,
                      Double arrivalSmoothness, Integer requestCount, Integer numSessions,
                      Double benchmarkDurationSeconds, double gracePeriodSeconds, Integer warmupRequestCount,
                      Double warmupDurationSeconds, Integer numWarmupSessions, Integer warmupConcurrency,
                      Double warmupRequestRate, String warmupArrivalPattern, double warmupGracePeriodSeconds,
                      Double concurrencyRampSeconds, Double requestRateRampSeconds,
                      Double warmupConcurrencyRampSeconds, Double warmupRequestRateRampSeconds) {
        this(timingStrategy, concurrency, requestRate, arrivalPattern, arrivalSmoothness, requestCount, numSessions,
                benchmarkDurationSeconds, gracePeriodSeconds, warmupRequestCount, warmupDurationSeconds,
                numWarmupSessions, warmupConcurrency, warmupRequestRate, warmupArrivalPattern, warmupGracePeriodSeconds,
                concurrencyRampSeconds, requestRateRampSeconds, warmupConcurrencyRampSeconds,
                warmupRequestRateRampSeconds, LoadShapeConfig.NONE);
    }

    /** The pattern that ignores the rate and sends whenever a concurrency slot is free. */
    public static final String CONCURRENCY_BURST = "concurrency_burst";
    /** The timing strategy of rate and concurrency runs. */
    public static final String REQUEST_RATE = "request_rate";
    /** The timing strategy that replays dataset timestamps. */
    public static final String FIXED_SCHEDULE = "fixed_schedule";
    /** The timing strategy of {@code --user-centric-rate}. */
    public static final String USER_CENTRIC_RATE = "user_centric_rate";

    /** The form without warm-up overrides or ramps (kept for callers written before they existed). */
    public LoadConfig(String timingStrategy, Integer concurrency, Double requestRate, String arrivalPattern,
                      Double arrivalSmoothness, Integer requestCount, Integer numSessions,
                      Double benchmarkDurationSeconds, double gracePeriodSeconds, Integer warmupRequestCount,
                      Double warmupDurationSeconds) {
        this(timingStrategy, concurrency, requestRate, arrivalPattern, arrivalSmoothness, requestCount, numSessions,
                benchmarkDurationSeconds, gracePeriodSeconds, warmupRequestCount, warmupDurationSeconds, null, null,
                null, null, Double.POSITIVE_INFINITY, null, null, null, null, LoadShapeConfig.NONE);
    }

    /** The same load with other shapes. */
    public LoadConfig withShape(LoadShapeConfig newShape) {
        return new LoadConfig(timingStrategy, concurrency, requestRate, arrivalPattern, arrivalSmoothness, requestCount,
                numSessions, benchmarkDurationSeconds, gracePeriodSeconds, warmupRequestCount, warmupDurationSeconds,
                numWarmupSessions, warmupConcurrency, warmupRequestRate, warmupArrivalPattern, warmupGracePeriodSeconds,
                concurrencyRampSeconds, requestRateRampSeconds, warmupConcurrencyRampSeconds,
                warmupRequestRateRampSeconds, newShape);
    }

    /** Whether a warm-up phase runs before profiling (spec §2.10). */
    public boolean hasWarmup() {
        return warmupRequestCount != null || warmupDurationSeconds != null || numWarmupSessions != null;
    }

    /**
     * The warm-up phase seen as a load of its own (spec §2.10): warm-up overrides fall back to the
     * profiling values, and without a rate the phase is a concurrency burst (concurrency 1 if none).
     * Unlike the original, a warm-up rate given while profiling is concurrency-only is honoured
     * (with a Poisson pattern) instead of being silently ignored.
     */
    public LoadConfig asWarmupPhase() {
        Double rate = warmupRequestRate != null ? warmupRequestRate : requestRate;
        String pattern = warmupArrivalPattern != null ? warmupArrivalPattern : arrivalPattern;
        if (warmupRequestRate != null && warmupArrivalPattern == null && CONCURRENCY_BURST.equals(pattern)) {
            pattern = "poisson";
        }
        Integer conc = warmupConcurrency != null ? warmupConcurrency : concurrency;
        LoadShapeConfig warmupShape = shape.asWarmupPhase();
        if (rate == null || pattern == null || CONCURRENCY_BURST.equals(pattern)) {
            rate = null;
            pattern = CONCURRENCY_BURST;
            // A prefill limit bounds a burst by itself, as in profiling (spec §1.4 step 1.5).
            if (conc == null && warmupShape.prefillConcurrency() == null) {
                conc = 1;
            }
        }
        Double concRamp = warmupConcurrencyRampSeconds != null ? warmupConcurrencyRampSeconds : concurrencyRampSeconds;
        Double rateRamp = warmupRequestRateRampSeconds != null ? warmupRequestRateRampSeconds : requestRateRampSeconds;
        // Warm-up is always rate-driven (spec §2.10): never a fixed schedule or user-centric.
        return new LoadConfig(REQUEST_RATE, conc, rate, pattern, arrivalSmoothness, warmupRequestCount,
                numWarmupSessions, warmupDurationSeconds, warmupGracePeriodSeconds, null, null, null, null, null,
                null, Double.POSITIVE_INFINITY, concRamp, rate == null ? null : rateRamp, null, null, warmupShape);
    }

    /** The same load without a warm-up phase (the repeats of a multi-run study skip it, spec §3.12). */
    public LoadConfig withoutWarmup() {
        return new LoadConfig(timingStrategy, concurrency, requestRate, arrivalPattern, arrivalSmoothness, requestCount,
                numSessions, benchmarkDurationSeconds, gracePeriodSeconds, null, null, null, null, null, null,
                Double.POSITIVE_INFINITY, concurrencyRampSeconds, requestRateRampSeconds, null, null);
    }

    /** Whether this load sends whenever a slot frees rather than at a rate. */
    public boolean isConcurrencyBurst() {
        return requestRate == null || CONCURRENCY_BURST.equals(arrivalPattern);
    }
}
