package dev.aiperf.cli.profile;

import picocli.CommandLine.Option;

/** Options of the "Multi-Run, Sweep and Search" group (upstream §3.12): studies made of several runs. */
public final class StudyOptions {

    @Option(names = "--num-profile-runs", paramLabel = "<n>",
            description = "Run the benchmark N times (1-10) and report mean, std and confidence intervals"
                    + " in aggregate/ (default: 1).")
    Integer numProfileRuns;

    @Option(names = "--profile-run-cooldown-seconds", paramLabel = "<s>",
            description = "Pause between repeated runs (default: 0).")
    Double profileRunCooldownSeconds;

    @Option(names = "--confidence-level", paramLabel = "<level>",
            description = "Confidence level of the intervals, between 0 and 1 (default: 0.95).")
    Double confidenceLevel;

    @Option(names = "--profile-run-disable-warmup-after-first", negatable = true, defaultValue = "true",
            fallbackValue = "true", description = "Only the first run of each configuration has a warm-up"
            + " (default: on).")
    boolean warmupOnlyFirstRun = true;

    @Option(names = "--set-consistent-seed", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Use seed 42 when no --random-seed is given, so every run sends the same workload"
                    + " (default: on).")
    boolean consistentSeed = true;

    @Option(names = "--vary-seed-per-trial", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Derive each repeated run's seed from SHA-256 of (seed, cell, trial) (default: off).")
    boolean varySeedPerTrial;

    @Option(names = "--parameter-sweep-cooldown-seconds", paramLabel = "<s>",
            description = "Pause between the values of a sweep (default: 0).")
    Double parameterSweepCooldownSeconds;

    @Option(names = "--parameter-sweep-same-seed", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Same seed for every value of a sweep (default: off: seed + value index).")
    boolean sweepSameSeed;

    @Option(names = "--parameter-sweep-mode", paramLabel = "<mode>",
            description = "With --num-profile-runs: 'repeated' runs the whole sweep N times, 'independent' runs"
                    + " every repeat of a value before the next value (default: repeated).")
    String parameterSweepMode;

    @Option(names = "--sweep-type", paramLabel = "<type>",
            description = "Several list options combine as 'grid' (every combination) or 'zip' (element-wise)"
                    + " (default: grid).")
    String sweepType;

    @Option(names = "--no-sweep-table", description = "Do not print the sweep summary table (it is still written).")
    boolean noSweepTable;
}
