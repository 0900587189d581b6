package dev.aiperf.endpoint;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.dataset.DatasetContext;
import dev.aiperf.api.dataset.SamplerContext;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.api.timing.ArrivalPatternContext;
import dev.aiperf.api.timing.TimingStrategyContext;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.random.SeededRandomStreams;
import dev.aiperf.timing.LinearRamp;
import dev.aiperf.tokenizer.Tokenizers;

/** The context objects the engine builds the built-in plugins from, for tests that build one directly. */
public final class Contexts {

    private Contexts() {
    }

    public static DatasetContext dataset(BenchmarkConfig config) {
        return new DatasetContext(config, Tokenizers.forRun(config).tokenizer(),
                new SeededRandomStreams(config.input().randomSeed()), Plugins.registry());
    }

    public static SamplerContext sampler(BenchmarkConfig config, int datasetSize) {
        return new SamplerContext(config, datasetSize, new SeededRandomStreams(config.input().randomSeed()));
    }

    public static ArrivalPatternContext arrival(BenchmarkConfig config) {
        return new ArrivalPatternContext(config, new SeededRandomStreams(config.input().randomSeed()));
    }

    /** A strategy's context whose ramps are linear, as the engine's. */
    public static TimingStrategyContext timing(BenchmarkConfig config, ArrivalPattern pattern) {
        return new TimingStrategyContext(config, pattern, LinearRamp::new,
                new SeededRandomStreams(config.input().randomSeed()));
    }

    public static ExporterContext exporter(BenchmarkConfig config) {
        return new ExporterContext(config);
    }
}
