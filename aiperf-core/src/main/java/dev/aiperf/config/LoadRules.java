package dev.aiperf.config;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.LoadShapeConfig;

/**
 * The "Load Generator" settings with the load shapes (spec §1.4 steps 1-8, 12): the timing mode, request-count
 * defaults, arrival pattern, grace periods, exclusive stop conditions, concurrency against the totals, and the
 * warm-up phase, derived from the profiling phase for every warm-up setting not given.
 */
final class LoadRules {
    private final ProfileSettings o;
    private final ProblemList problems;

    LoadRules(ProfileSettings settings, ProblemList problems) {
        this.o = settings;
        this.problems = problems;
    }

    LoadConfig build() {
        ProfileSettings.Load l = o.load;
        Integer concurrency = l.concurrency == null ? null : problems.atLeast("--concurrency", l.concurrency, 1, 1);
        Double rate = l.requestRate == null ? null : problems.positive("--request-rate", l.requestRate, null);
        Integer count = l.requestCount == null ? null : problems.atLeast("--request-count", l.requestCount, 1, 1);
        Integer sessions = o.conversation.numSessions == null ? null
                : problems.atLeast("--num-sessions", o.conversation.numSessions, 1, 1);
        Double duration = l.benchmarkDuration == null ? null
                : problems.positive("--benchmark-duration", l.benchmarkDuration, null);
        Double smoothness = l.arrivalSmoothness == null ? null
                : problems.positive("--arrival-smoothness", l.arrivalSmoothness, null);
        String explicitPattern = l.arrivalPattern == null ? null
                : problems.pluginName("--arrival-pattern", PluginType.ARRIVAL_PATTERN, l.arrivalPattern);

        LoadShapeRules shapeRules = new LoadShapeRules(o, problems);
        String rampType = o.shapes.rampType == null ? LoadShapeConfig.DEFAULT_RAMP
                : problems.pluginName("--ramp-type", PluginType.RAMP, o.shapes.rampType);
        String urlStrategy = o.endpoint.urlStrategy == null ? LoadShapeConfig.DEFAULT_URL_SELECTION
                : problems.pluginName("--url-strategy", PluginType.URL_SELECTION_STRATEGY, o.endpoint.urlStrategy);
        LoadShapeConfig shape = shapeRules.build(rampType, urlStrategy);
        String strategy = shapeRules.timingStrategy();

        // Step 1: timing mode and request-count defaults. Step 2: smoothness.
        String pattern;
        if (smoothness != null && explicitPattern != null && !explicitPattern.equals("gamma")) {
            problems.add("--arrival-smoothness only applies to --arrival-pattern gamma, not '" + explicitPattern + "'");
        }
        boolean durationWithoutGrace = duration != null && l.benchmarkGracePeriod == null;
        if (!LoadConfig.REQUEST_RATE.equals(strategy)) {
            // A replay sends its whole trace, and users pace themselves: the rate, pattern and default count do
            // not apply; concurrency stays unlimited unless given.
            pattern = LoadConfig.CONCURRENCY_BURST;
            rate = null;
            if (LoadConfig.USER_CENTRIC_RATE.equals(strategy) && count == null && sessions == null && duration == null) {
                problems.add("--user-centric-rate needs a stop condition: --benchmark-duration, --request-count or"
                        + " --num-sessions");
            }
        } else if (rate != null) {
            if (LoadConfig.CONCURRENCY_BURST.equals(explicitPattern)) {
                problems.add("--arrival-pattern concurrency_burst sends whenever a slot is free and cannot be"
                        + " combined with --request-rate; use constant, poisson or gamma");
            }
            pattern = explicitPattern != null ? explicitPattern : smoothness != null ? "gamma" : "poisson";
            if (count == null && sessions == null && duration == null) {
                count = 10;
            }
        } else {
            if (explicitPattern != null && !LoadConfig.CONCURRENCY_BURST.equals(explicitPattern)) {
                problems.warn("--arrival-pattern " + explicitPattern + " needs --request-rate; without one every"
                        + " request goes as soon as a concurrency slot frees (concurrency_burst)");
            }
            pattern = LoadConfig.CONCURRENCY_BURST;
            if (concurrency == null && shape.prefillConcurrency() == null) {
                concurrency = 1;
            }
            if (count == null && sessions == null && duration == null) {
                count = Math.max(10, 2 * (concurrency != null ? concurrency : shape.prefillConcurrency()));
            }
        }
        // Step 4: grace periods need their durations.
        // User-centric runs wait for every user's answers after the duration unless told otherwise (spec §1.4).
        double grace = problems.gracePeriod("--benchmark-grace-period", l.benchmarkGracePeriod,
                LoadConfig.USER_CENTRIC_RATE.equals(strategy) && durationWithoutGrace ? Double.POSITIVE_INFINITY : 30.0);
        if (l.benchmarkGracePeriod != null && duration == null) {
            problems.add("--benchmark-grace-period only applies with --benchmark-duration");
        }
        Double warmupDuration = l.warmupDuration == null ? null
                : problems.positive("--warmup-duration", l.warmupDuration, null);
        double warmupGrace = problems.gracePeriod("--warmup-grace-period", l.warmupGracePeriod,
                Double.POSITIVE_INFINITY);
        if (l.warmupGracePeriod != null && warmupDuration == null) {
            problems.add("--warmup-grace-period only applies with --warmup-duration");
        }
        // Step 5: orphan options.
        Double rateRamp = l.requestRateRampDuration == null ? null
                : problems.positive("--request-rate-ramp-duration", l.requestRateRampDuration, null);
        if (rateRamp != null && rate == null) {
            problems.add("--request-rate-ramp-duration needs --request-rate");
        }
        Double concurrencyRamp = l.concurrencyRampDuration == null ? null
                : problems.positive("--concurrency-ramp-duration", l.concurrencyRampDuration, null);
        if (concurrencyRamp != null && l.concurrency == null) {
            problems.add("--concurrency-ramp-duration needs --concurrency (the value to ramp up to)");
        }
        // Step 6: exclusive stop conditions.
        if (count != null && sessions != null) {
            problems.add("--request-count and --num-sessions are mutually exclusive; give one stop condition");
        }
        Integer warmupCount = l.warmupRequestCount == null ? null
                : problems.atLeast("--warmup-request-count", l.warmupRequestCount, 1, 1);
        Integer warmupSessions = l.numWarmupSessions == null ? null
                : problems.atLeast("--num-warmup-sessions", l.numWarmupSessions, 1, 1);
        if (warmupCount != null && warmupSessions != null) {
            problems.add("--warmup-request-count and --num-warmup-sessions are mutually exclusive");
        }
        // Step 7: concurrency versus the totals.
        if (concurrency != null && l.concurrency != null) {
            if (sessions != null && concurrency > sessions) {
                problems.add("--concurrency (" + concurrency + ") must not exceed --num-sessions (" + sessions + ")");
            } else if (count != null && concurrency > count) {
                problems.add("--concurrency (" + concurrency + ") must not exceed --request-count (" + count + ")"
                        + (l.requestCount == null ? ", which defaults to 10 with --request-rate" : ""));
            }
        }
        Integer warmupConcurrency = l.warmupConcurrency == null ? null
                : problems.atLeast("--warmup-concurrency", l.warmupConcurrency, 1, 1);
        Double warmupRate = l.warmupRequestRate == null ? null
                : problems.positive("--warmup-request-rate", l.warmupRequestRate, null);
        String warmupPattern = l.warmupArrivalPattern == null ? null
                : problems.pluginName("--warmup-arrival-pattern", PluginType.ARRIVAL_PATTERN,
                l.warmupArrivalPattern);
        Double warmupConcurrencyRamp = l.warmupConcurrencyRampDuration == null ? null
                : problems.positive("--warmup-concurrency-ramp-duration", l.warmupConcurrencyRampDuration, null);
        Double warmupRateRamp = l.warmupRequestRateRampDuration == null ? null
                : problems.positive("--warmup-request-rate-ramp-duration", l.warmupRequestRateRampDuration, null);
        boolean warmup = warmupCount != null || warmupDuration != null || warmupSessions != null;
        if (!warmup && (warmupConcurrency != null || warmupRate != null || warmupPattern != null
                || warmupConcurrencyRamp != null || warmupRateRamp != null)) {
            problems.add("warm-up options need a warm-up stop condition: --warmup-request-count,"
                    + " --warmup-duration or --num-warmup-sessions");
        }
        LoadConfig load = new LoadConfig(strategy, concurrency, rate, pattern, smoothness, count, sessions,
                duration, grace, warmupCount, warmupDuration, warmupSessions, warmupConcurrency, warmupRate,
                warmupPattern, warmupGrace, concurrencyRamp, rateRamp, warmupConcurrencyRamp, warmupRateRamp, shape);
        if (warmup) {
            checkWarmup(load.asWarmupPhase());
        }
        return load;
    }

    private void checkWarmup(LoadConfig warmup) {
        if (warmup.requestRateRampSeconds() != null && warmup.requestRate() == null) {
            problems.add("--warmup-request-rate-ramp-duration needs a warm-up rate (--warmup-request-rate)");
        }
        if (warmup.concurrencyRampSeconds() != null && warmup.concurrency() == null) {
            problems.add("--warmup-concurrency-ramp-duration needs --warmup-concurrency or --concurrency");
        }
    }
}
