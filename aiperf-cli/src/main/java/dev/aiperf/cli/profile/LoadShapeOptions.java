package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

/**
 * Options of the "Load Shapes" group (spec §2.3, §2.7, §2.9, §2.12): prefill concurrency, user-centric
 * rate, simulated client disconnects and the ramp algorithm.
 */
public final class LoadShapeOptions {

    @Option(names = "--prefill-concurrency", preprocessor = SweepListPreprocessor.class, paramLabel = "<n>",
            description = "At most this many requests waiting for their first token (needs --streaming).")
    Integer prefillConcurrency;

    @Option(names = "--prefill-concurrency-ramp-duration", paramLabel = "<s>",
            description = "Raise the prefill limit from 1 to --prefill-concurrency over this many seconds.")
    Double prefillConcurrencyRampDuration;

    @Option(names = "--warmup-prefill-concurrency", paramLabel = "<n>",
            description = "Warm-up prefill limit (default: --prefill-concurrency).")
    Integer warmupPrefillConcurrency;

    @Option(names = "--warmup-prefill-concurrency-ramp-duration", paramLabel = "<s>",
            description = "Warm-up prefill ramp (default: --prefill-concurrency-ramp-duration).")
    Double warmupPrefillConcurrencyRampDuration;

    @Option(names = "--user-centric-rate", paramLabel = "<rps>",
            description = "Simulated users sending --user-centric-rate requests/s in all, each user's turns"
                    + " num_users/rate seconds apart and after the previous answer; needs --num-users.")
    Double userCentricRate;

    @Option(names = "--num-users", preprocessor = SweepListPreprocessor.class, paramLabel = "<n>",
            description = "Simulated users of --user-centric-rate.")
    Integer numUsers;

    @Option(names = "--request-cancellation-rate", paramLabel = "<percent>",
            description = "Percent (0-100] of profiling requests the client abandons (error 499"
                    + " RequestCancellationError).")
    Double requestCancellationRate;

    @Option(names = "--request-cancellation-delay", paramLabel = "<s>",
            description = "Abandon them this many seconds after they were sent (default: 0).")
    Double requestCancellationDelay;

    @Option(names = "--ramp-type", paramLabel = "<ramp>",
            description = "The ramp of every *-ramp-duration option: linear (default), exponential, poisson"
                    + " or a plugin's (registry category ramp).")
    String rampType;

    /** Copies the options given into the core settings. */
    void applyTo(ProfileSettings.Shapes s) {
        s.prefillConcurrency = prefillConcurrency;
        s.prefillConcurrencyRampDuration = prefillConcurrencyRampDuration;
        s.warmupPrefillConcurrency = warmupPrefillConcurrency;
        s.warmupPrefillConcurrencyRampDuration = warmupPrefillConcurrencyRampDuration;
        s.userCentricRate = userCentricRate;
        s.numUsers = numUsers;
        s.requestCancellationRate = requestCancellationRate;
        s.requestCancellationDelay = requestCancellationDelay;
        s.rampType = rampType;
    }
}
