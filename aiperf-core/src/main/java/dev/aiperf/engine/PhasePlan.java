package dev.aiperf.engine;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.LoadShapeConfig;
import dev.aiperf.api.endpoint.UrlSelectionContext;
import dev.aiperf.api.endpoint.UrlSelectionStrategy;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.random.RandomStreams;
import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.api.timing.ArrivalPatternContext;
import dev.aiperf.api.timing.Ramp;
import dev.aiperf.api.timing.RampContext;
import dev.aiperf.api.timing.TimingStrategy;
import dev.aiperf.api.timing.TimingStrategyContext;

import java.util.ArrayList;
import java.util.List;

/**
 * One phase of a run with its plugins already built: the timing strategy (over the arrival pattern
 * the configuration names), the ramps, if any, the URL selection and the simulated disconnects. Every
 * phase is planned before the first request, so that a plugin that cannot be built stops the run
 * before it starts.
 *
 * @param phase           warm-up or profiling
 * @param load            the phase's load settings
 * @param strategy        the phase's timing strategy
 * @param concurrencyRamp the session-concurrency ramp from 1 to {@code --concurrency}, or null
 * @param prefillRamp     the prefill-concurrency ramp from 1 to {@code --prefill-concurrency}, or null
 * @param urlSelection    picks each new session's base URL
 * @param cancellation    which requests the client abandons, or null for none
 */
record PhasePlan(CreditPhase phase, LoadConfig load, TimingStrategy strategy, Ramp concurrencyRamp, Ramp prefillRamp,
                 UrlSelectionStrategy urlSelection, RequestCancellation cancellation) {

    /** [warm-up,] profiling, each with its plugins built. */
    static List<PhasePlan> forRun(BenchmarkConfig config, PluginFactory plugins, RandomStreams random) {
        List<PhasePlan> plans = new ArrayList<>();
        if (config.load().hasWarmup()) {
            plans.add(of(CreditPhase.WARMUP, config.load().asWarmupPhase(), config, plugins, random));
        }
        plans.add(of(CreditPhase.PROFILING, config.load(), config, plugins, random));
        return plans;
    }

    private static PhasePlan of(CreditPhase phase, LoadConfig load, BenchmarkConfig config, PluginFactory plugins,
                                RandomStreams random) {
        BenchmarkConfig phaseConfig = config.withLoad(load);
        LoadShapeConfig shape = load.shape();
        // Every ramp of the run is the one --ramp-type names (the original always uses linear).
        Ramp.Factory ramps = (start, target, seconds) -> plugins.create(PluginType.RAMP, shape.rampType(),
                RampContext.class, new RampContext(start, target, seconds));
        ArrivalPattern pattern = plugins.create(PluginType.ARRIVAL_PATTERN, load.arrivalPattern(),
                ArrivalPatternContext.class, new ArrivalPatternContext(phaseConfig, random));
        TimingStrategy strategy = plugins.create(PluginType.TIMING_STRATEGY, load.timingStrategy(),
                TimingStrategyContext.class, new TimingStrategyContext(phaseConfig, pattern, ramps, random));
        Integer concurrency = load.concurrency();
        Double rampSeconds = load.concurrencyRampSeconds();
        Ramp concurrencyRamp = concurrency != null && rampSeconds != null && concurrency > 1
                ? ramps.create(1, concurrency, rampSeconds) : null;
        Integer prefill = shape.prefillConcurrency();
        Double prefillRampSeconds = shape.prefillConcurrencyRampSeconds();
        Ramp prefillRamp = prefill != null && prefillRampSeconds != null && prefill > 1
                ? ramps.create(1, prefill, prefillRampSeconds) : null;
        UrlSelectionStrategy urls = plugins.create(PluginType.URL_SELECTION_STRATEGY, shape.urlSelectionStrategy(),
                UrlSelectionContext.class, new UrlSelectionContext(config, Math.max(1, config.endpoint().urls().size()),
                        random));
        // Only profiling requests are abandoned (spec §2.12).
        RequestCancellation cancellation = phase == CreditPhase.PROFILING && shape.cancelsRequests()
                ? new RequestCancellation(shape.requestCancellationRate(),
                Math.round(shape.requestCancellationDelaySeconds() * 1e9), random.stream(RequestCancellation.STREAM))
                : null;
        return new PhasePlan(phase, load, strategy, concurrencyRamp, prefillRamp, urls, cancellation);
    }
}
