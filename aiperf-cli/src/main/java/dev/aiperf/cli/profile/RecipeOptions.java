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
}
