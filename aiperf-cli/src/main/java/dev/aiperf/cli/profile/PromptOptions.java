package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

/** Options of the "Prompt" group (spec §1.3): synthetic prompt and output lengths. */
public final class PromptOptions {

    @Option(names = {"--prompt-batch-size", "--batch-size-text", "--batch-size", "-b"}, paramLabel = "<n>",
            description = "Text items per request (default: 1).")
    Integer batchSize;

    @Option(names = {"--isl", "--prompt-input-tokens-mean", "--synthetic-input-tokens-mean"}, preprocessor = SweepListPreprocessor.class, paramLabel = "<tokens>",
            description = "Mean synthetic prompt length (default: 550).")
    Integer islMean;

    @Option(names = {"--isl-stddev", "--prompt-input-tokens-stddev", "--synthetic-input-tokens-stddev"}, preprocessor = SweepListPreprocessor.class,
            paramLabel = "<tokens>", description = "Standard deviation of the prompt length (default: 0).")
    Double islStddev;

    @Option(names = {"--isl-block-size", "--prompt-input-tokens-block-size", "--synthetic-input-tokens-block-size"},
            paramLabel = "<tokens>", description = "Tokens per hash_id block of trace prompts (default: the trace"
            + " format's, 512 for mooncake_trace, 16 for bailian_trace).")
    Integer islBlockSize;

    @Option(names = "--synthesis-max-isl", paramLabel = "<tokens>",
            description = "Trace datasets: leave out rows with a longer input_length.")
    Integer synthesisMaxIsl;

    @Option(names = "--synthesis-max-osl", paramLabel = "<tokens>",
            description = "Trace datasets: cap output_length (the max tokens asked) at this.")
    Integer synthesisMaxOsl;

    @Option(names = "--synthesis-speedup-ratio", paramLabel = "<ratio>",
            description = "Trace datasets: divide timestamps and delays by this (default: 1.0).")
    Double synthesisSpeedupRatio;

    @Option(names = {"--seq-dist", "--sequence-distribution"}, paramLabel = "<dist>",
            description = "Mixture of (ISL,OSL) pairs, e.g. \"128,64:25;512,128:75\".")
    String sequenceDistribution;

    @Option(names = {"--osl", "--output-tokens-mean", "--prompt-output-tokens-mean"}, preprocessor = SweepListPreprocessor.class, paramLabel = "<tokens>",
            description = "Mean requested output length (sets the max tokens field).")
    Integer oslMean;

    @Option(names = {"--osl-stddev", "--output-tokens-stddev", "--prompt-output-tokens-stddev"}, preprocessor = SweepListPreprocessor.class,
            paramLabel = "<tokens>", description = "Standard deviation of the output length (default: 0).")
    Double oslStddev;

    @Option(names = {"--num-prefix-prompts", "--prefix-prompt-pool-size", "--prompt-prefix-pool-size"},
            paramLabel = "<n>", description = "Size of the prefix prompt pool (default: 0).")
    Integer numPrefixPrompts;

    @Option(names = {"--prefix-prompt-length", "--prompt-prefix-length"}, paramLabel = "<tokens>",
            description = "Tokens per prefix prompt (default: 0).")
    Integer prefixPromptLength;

    @Option(names = "--shared-system-prompt-length", paramLabel = "<tokens>",
            description = "One system prompt of this length shared by every session.")
    Integer sharedSystemPromptLength;

    @Option(names = "--user-context-prompt-length", paramLabel = "<tokens>",
            description = "A unique user context of this length per conversation (needs --num-dataset-entries).")
    Integer userContextPromptLength;

    @Option(names = "--cache-bust", paramLabel = "<position>",
            description = "A marker [rid:...] unique to each conversation and run, so no request reuses a prefix the"
                    + " server cached: none, system_prefix, system_suffix, first_turn_prefix or first_turn_suffix"
                    + " (default: none).")
    String cacheBust;

    /** Copies the options given into the core settings. */
    void applyTo(ProfileSettings.Prompt s) {
        s.batchSize = batchSize;
        s.islMean = islMean;
        s.islStddev = islStddev;
        s.islBlockSize = islBlockSize;
        s.synthesisMaxIsl = synthesisMaxIsl;
        s.synthesisMaxOsl = synthesisMaxOsl;
        s.synthesisSpeedupRatio = synthesisSpeedupRatio;
        s.sequenceDistribution = sequenceDistribution;
        s.oslMean = oslMean;
        s.oslStddev = oslStddev;
        s.numPrefixPrompts = numPrefixPrompts;
        s.prefixPromptLength = prefixPromptLength;
        s.sharedSystemPromptLength = sharedSystemPromptLength;
        s.userContextPromptLength = userContextPromptLength;
        s.cacheBust = cacheBust;
    }
}
