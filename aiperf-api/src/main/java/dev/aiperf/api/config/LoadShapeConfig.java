package dev.aiperf.api.config;

/**
 * The load shapes beyond a plain rate or concurrency (spec §2.7–§2.9, §2.12, §2.13): trace replay,
 * user-centric rate, prefill concurrency, simulated client disconnects, the ramp algorithm and how
 * sessions pick a base URL. {@link #NONE} is a plain run.
 *
 * @param fixedSchedule                       send each conversation at its dataset timestamp
 * @param fixedScheduleAutoOffset             the first kept timestamp is time zero
 * @param fixedScheduleStartOffsetMs          drop entries before this timestamp (ms), or null
 * @param fixedScheduleEndOffsetMs            drop entries after this timestamp (ms), or null
 * @param userCentricRate                     requests per second of the user-centric mode, or null
 * @param numUsers                            simulated users of the user-centric mode, or null
 * @param prefillConcurrency                  requests waiting for their first token at most, or null
 * @param prefillConcurrencyRampSeconds       ramp the prefill limit from 1 over this long, or null
 * @param warmupPrefillConcurrency            warm-up prefill limit, or null to inherit
 * @param warmupPrefillConcurrencyRampSeconds warm-up prefill ramp, or null to inherit
 * @param requestCancellationRate             percent (0, 100] of profiling requests the client abandons, or null
 * @param requestCancellationDelaySeconds     how long after the request is sent it is abandoned
 * @param rampType                            the {@code ramp} plugin every ramp of the run uses
 * @param urlSelectionStrategy                the {@code url_selection_strategy} plugin that gives each new
 *                                            session its base URL
 */
public record LoadShapeConfig(boolean fixedSchedule, boolean fixedScheduleAutoOffset, Long fixedScheduleStartOffsetMs,
                              Long fixedScheduleEndOffsetMs, Double userCentricRate, Integer numUsers,
                              Integer prefillConcurrency, Double prefillConcurrencyRampSeconds,
                              Integer warmupPrefillConcurrency, Double warmupPrefillConcurrencyRampSeconds,
                              Double requestCancellationRate, double requestCancellationDelaySeconds,
                              String rampType, String urlSelectionStrategy) {

    /** The ramp every ramped setting uses unless {@code --ramp-type} says otherwise (the original's only one). */
    public static final String DEFAULT_RAMP = "linear";
    /** The original's one URL selection strategy. */
    public static final String DEFAULT_URL_SELECTION = "round_robin";

    /** A plain run: no schedule, no prefill limit, no cancellation, linear ramps, round-robin URLs. */
    public static final LoadShapeConfig NONE = new LoadShapeConfig(false, false, null, null, null, null, null, null,
            null, null, null, 0, DEFAULT_RAMP, DEFAULT_URL_SELECTION);

    public LoadShapeConfig {
        rampType = rampType == null ? DEFAULT_RAMP : rampType;
        urlSelectionStrategy = urlSelectionStrategy == null ? DEFAULT_URL_SELECTION : urlSelectionStrategy;
    }

    /**
     * The warm-up's shape (spec §2.10): always rate-driven, never cancelling; the prefill limit and its
     * ramp fall back to the profiling ones.
     */
    public LoadShapeConfig asWarmupPhase() {
        Integer prefill = warmupPrefillConcurrency != null ? warmupPrefillConcurrency : prefillConcurrency;
        Double prefillRamp = warmupPrefillConcurrencyRampSeconds != null ? warmupPrefillConcurrencyRampSeconds
                : prefillConcurrencyRampSeconds;
        return new LoadShapeConfig(false, false, null, null, null, null, prefill, prefillRamp, null, null, null, 0,
                rampType, urlSelectionStrategy);
    }

    public LoadShapeConfig withFixedSchedule(boolean autoOffset, Long startOffsetMs, Long endOffsetMs) {
        return new LoadShapeConfig(true, autoOffset, startOffsetMs, endOffsetMs, userCentricRate, numUsers,
                prefillConcurrency, prefillConcurrencyRampSeconds, warmupPrefillConcurrency,
                warmupPrefillConcurrencyRampSeconds, requestCancellationRate, requestCancellationDelaySeconds, rampType,
                urlSelectionStrategy);
    }

    public LoadShapeConfig withUserCentricRate(double rate, int users) {
        return new LoadShapeConfig(fixedSchedule, fixedScheduleAutoOffset, fixedScheduleStartOffsetMs,
                fixedScheduleEndOffsetMs, rate, users, prefillConcurrency, prefillConcurrencyRampSeconds,
                warmupPrefillConcurrency, warmupPrefillConcurrencyRampSeconds, requestCancellationRate,
                requestCancellationDelaySeconds, rampType, urlSelectionStrategy);
    }

    public LoadShapeConfig withPrefillConcurrency(Integer limit, Double rampSeconds) {
        return new LoadShapeConfig(fixedSchedule, fixedScheduleAutoOffset, fixedScheduleStartOffsetMs,
                fixedScheduleEndOffsetMs, userCentricRate, numUsers, limit, rampSeconds, warmupPrefillConcurrency,
                warmupPrefillConcurrencyRampSeconds, requestCancellationRate, requestCancellationDelaySeconds, rampType,
                urlSelectionStrategy);
    }

    public LoadShapeConfig withRequestCancellation(Double ratePercent, double delaySeconds) {
        return new LoadShapeConfig(fixedSchedule, fixedScheduleAutoOffset, fixedScheduleStartOffsetMs,
                fixedScheduleEndOffsetMs, userCentricRate, numUsers, prefillConcurrency, prefillConcurrencyRampSeconds,
                warmupPrefillConcurrency, warmupPrefillConcurrencyRampSeconds, ratePercent, delaySeconds, rampType,
                urlSelectionStrategy);
    }

    public LoadShapeConfig withRampType(String type) {
        return new LoadShapeConfig(fixedSchedule, fixedScheduleAutoOffset, fixedScheduleStartOffsetMs,
                fixedScheduleEndOffsetMs, userCentricRate, numUsers, prefillConcurrency, prefillConcurrencyRampSeconds,
                warmupPrefillConcurrency, warmupPrefillConcurrencyRampSeconds, requestCancellationRate,
                requestCancellationDelaySeconds, type, urlSelectionStrategy);
    }

    public LoadShapeConfig withUrlSelectionStrategy(String strategy) {
        return new LoadShapeConfig(fixedSchedule, fixedScheduleAutoOffset, fixedScheduleStartOffsetMs,
                fixedScheduleEndOffsetMs, userCentricRate, numUsers, prefillConcurrency, prefillConcurrencyRampSeconds,
                warmupPrefillConcurrency, warmupPrefillConcurrencyRampSeconds, requestCancellationRate,
                requestCancellationDelaySeconds, rampType, strategy);
    }

    public LoadShapeConfig withWarmupPrefillConcurrency(Integer limit, Double rampSeconds) {
        return new LoadShapeConfig(fixedSchedule, fixedScheduleAutoOffset, fixedScheduleStartOffsetMs,
                fixedScheduleEndOffsetMs, userCentricRate, numUsers, prefillConcurrency, prefillConcurrencyRampSeconds,
                limit, rampSeconds, requestCancellationRate, requestCancellationDelaySeconds, rampType,
                urlSelectionStrategy);
    }

    /** Whether some requests are abandoned on purpose. */
    public boolean cancelsRequests() {
        return requestCancellationRate != null && requestCancellationRate > 0;
    }
}
