package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

/** Options of the "Load Generator" group (spec §1.3, §2): how much load, for how long. */
public final class LoadGeneratorOptions {

    @Option(names = "--concurrency", preprocessor = SweepListPreprocessor.class, paramLabel = "<n>",
            description = "Maximum concurrent sessions (default: 1 without --request-rate, unlimited with it).")
    Integer concurrency;

    @Option(names = "--request-rate", preprocessor = SweepListPreprocessor.class, paramLabel = "<rps>",
            description = "Target requests per second.")
    Double requestRate;

    @Option(names = {"--arrival-pattern", "--request-rate-mode"}, paramLabel = "<pattern>",
            description = "constant, poisson, gamma or concurrency_burst (default: poisson with a rate).")
    String arrivalPattern;

    @Option(names = {"--arrival-smoothness", "--vllm-burstiness"}, paramLabel = "<s>",
            description = "Gamma shape: <1 burstier, >1 smoother; implies --arrival-pattern gamma.")
    Double arrivalSmoothness;

    @Option(names = {"--request-count", "--num-requests"}, preprocessor = SweepListPreprocessor.class, paramLabel = "<n>",
            description = "Stop after this many requests (default: 10 with a rate, else max(10, 2 x concurrency)).")
    Integer requestCount;

    @Option(names = "--benchmark-duration", preprocessor = SweepListPreprocessor.class, paramLabel = "<s>", description = "Stop sending after this many seconds.")
    Double benchmarkDuration;

    @Option(names = "--benchmark-grace-period", paramLabel = "<s|inf>",
            description = "Wait this long for in-flight requests after --benchmark-duration (default: 30).")
    String benchmarkGracePeriod;

    @Option(names = "--concurrency-ramp-duration", paramLabel = "<s>",
            description = "Raise concurrency from 1 to --concurrency over this many seconds.")
    Double concurrencyRampDuration;

    @Option(names = "--request-rate-ramp-duration", paramLabel = "<s>",
            description = "Raise the rate linearly to --request-rate over this many seconds.")
    Double requestRateRampDuration;

    @Option(names = {"--warmup-request-count", "--num-warmup-requests"}, paramLabel = "<n>",
            description = "Warm-up requests before profiling (excluded from metrics).")
    Integer warmupRequestCount;

    @Option(names = "--warmup-duration", paramLabel = "<s>", description = "Warm-up duration.")
    Double warmupDuration;

    @Option(names = "--num-warmup-sessions", paramLabel = "<n>", description = "Warm-up sessions.")
    Integer numWarmupSessions;

    @Option(names = "--warmup-concurrency", paramLabel = "<n>", description = "Warm-up concurrency (default: --concurrency).")
    Integer warmupConcurrency;

    @Option(names = "--warmup-request-rate", paramLabel = "<rps>", description = "Warm-up rate (default: --request-rate).")
    Double warmupRequestRate;

    @Option(names = "--warmup-arrival-pattern", paramLabel = "<pattern>",
            description = "Warm-up arrival pattern (default: --arrival-pattern).")
    String warmupArrivalPattern;

    @Option(names = "--warmup-grace-period", paramLabel = "<s|inf>",
            description = "Wait this long for warm-up requests after --warmup-duration (default: inf).")
    String warmupGracePeriod;

    @Option(names = "--warmup-concurrency-ramp-duration", paramLabel = "<s>",
            description = "Warm-up concurrency ramp (default: --concurrency-ramp-duration).")
    Double warmupConcurrencyRampDuration;

    @Option(names = "--warmup-request-rate-ramp-duration", paramLabel = "<s>",
            description = "Warm-up rate ramp (default: --request-rate-ramp-duration).")
    Double warmupRequestRateRampDuration;

    /** Copies the options given into the core settings. */
    void applyTo(ProfileSettings.Load s) {
        s.concurrency = concurrency;
        s.requestRate = requestRate;
        s.arrivalPattern = arrivalPattern;
        s.arrivalSmoothness = arrivalSmoothness;
        s.requestCount = requestCount;
        s.benchmarkDuration = benchmarkDuration;
        s.benchmarkGracePeriod = benchmarkGracePeriod;
        s.concurrencyRampDuration = concurrencyRampDuration;
        s.requestRateRampDuration = requestRateRampDuration;
        s.warmupRequestCount = warmupRequestCount;
        s.warmupDuration = warmupDuration;
        s.numWarmupSessions = numWarmupSessions;
        s.warmupConcurrency = warmupConcurrency;
        s.warmupRequestRate = warmupRequestRate;
        s.warmupArrivalPattern = warmupArrivalPattern;
        s.warmupGracePeriod = warmupGracePeriod;
        s.warmupConcurrencyRampDuration = warmupConcurrencyRampDuration;
        s.warmupRequestRateRampDuration = warmupRequestRateRampDuration;
    }
}
