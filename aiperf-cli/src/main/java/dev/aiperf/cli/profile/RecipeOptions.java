package dev.aiperf.cli.profile;

import picocli.CommandLine.Option;

/**
 * Options of the original's grid search recipes (upstream §3.12, §4.3): the grids of {@code concurrency-ramp},
 * {@code prefill-ttft-curve}, {@code decode-itl-curve} and {@code pareto-sweep}, and the knee detection of the
 * ramp. {@link RecipeConfig} checks them and builds the recipe.
 */
public final class RecipeOptions {

    @Option(names = "--concurrency-steps", paramLabel = "<n>",
            description = "Log-spaced concurrency steps of concurrency-ramp (default 8) and decode-itl-curve"
                    + " (default 6).")
    Integer concurrencySteps;

    @Option(names = "--degradation-threshold", paramLabel = "<fraction>",
            description = "concurrency-ramp: the knee is the first concurrency whose metric exceeds the lowest"
                    + " concurrency's by more than this fraction (default: 0.2).")
    Double degradationThreshold;

    @Option(names = "--degradation-metric-tag", paramLabel = "<tag>",
            description = "concurrency-ramp: the metric of the knee detection (default: request_latency).")
    String degradationMetricTag;

    @Option(names = "--degradation-stat", paramLabel = "<stat>",
            description = "concurrency-ramp: the statistic of the knee detection (default: p99).")
    String degradationStat;

    @Option(names = "--isl-min", paramLabel = "<tokens>",
            description = "prefill-ttft-curve: shortest input of the log-spaced ISL grid (default: 256).")
    Integer islMin;

    @Option(names = "--isl-max", paramLabel = "<tokens>",
            description = "prefill-ttft-curve: longest input of the ISL grid (default: 32768).")
    Integer islMax;

    @Option(names = "--isl-steps", paramLabel = "<n>",
            description = "prefill-ttft-curve: points of the ISL grid (default: 8).")
    Integer islSteps;

    @Option(names = "--osl-min", paramLabel = "<tokens>",
            description = "decode-itl-curve: shortest output of the log-spaced OSL grid (default: 64).")
    Integer oslMin;

    @Option(names = "--osl-max", paramLabel = "<tokens>",
            description = "decode-itl-curve: longest output of the OSL grid (default: 1024).")
    Integer oslMax;

    @Option(names = "--osl-steps", paramLabel = "<n>",
            description = "decode-itl-curve: points of the OSL grid (default: 4).")
    Integer oslSteps;

    @Option(names = "--isl-osl-pairs", paramLabel = "<isl/osl,...>",
            description = "pareto-sweep: the workload shapes, ISL and OSL paired, e.g. 128/128,512/256,2048/512;"
                    + " each runs at every --concurrency value (default: 1,4,16,64,256).")
    String islOslPairs;
}
