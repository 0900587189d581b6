package dev.aiperf.engine;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.LoadConfig;
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
 * the configuration names) and the concurrency ramp, if any. Every phase is planned before the
 * first request, so that a plugin that cannot be built stops the run before it starts.
 *
 * @param phase           warm-up or profiling
 * @param load            the phase's load settings
 * @param strategy        the phase's timing strategy
 * @param concurrencyRamp the session-concurrency ramp from 1 to {@code --concurrency}, or null
 */
record PhasePlan(CreditPhase phase, LoadConfig load, TimingStrategy strategy, Ramp concurrencyRamp) {

    /** The ramp the engine builds for every ramped setting; the original's CLI always uses {@code linear}. */
    static final String RAMP = "linear";

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
        Ramp.Factory ramps = (start, target, seconds) -> plugins.create(PluginType.RAMP, RAMP, RampContext.class,
                new RampContext(start, target, seconds));
        ArrivalPattern pattern = plugins.create(PluginType.ARRIVAL_PATTERN, load.arrivalPattern(),
                ArrivalPatternContext.class, new ArrivalPatternContext(phaseConfig, random));
        TimingStrategy strategy = plugins.create(PluginType.TIMING_STRATEGY, load.timingStrategy(),
                TimingStrategyContext.class, new TimingStrategyContext(phaseConfig, pattern, ramps, random));
        Integer concurrency = load.concurrency();
        Double rampSeconds = load.concurrencyRampSeconds();
        Ramp concurrencyRamp = concurrency != null && rampSeconds != null && concurrency > 1
                ? ramps.create(1, concurrency, rampSeconds) : null;
        return new PhasePlan(phase, load, strategy, concurrencyRamp);
    }
}
