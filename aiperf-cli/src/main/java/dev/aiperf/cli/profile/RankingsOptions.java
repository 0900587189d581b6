package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

/** Options of the "Rankings" group (spec §1.3): the synthetic rankings dataset of the {@code *rankings} endpoints. */
public final class RankingsOptions {

    @Option(names = "--rankings-passages-mean", paramLabel = "<n>",
            description = "Mean passages per rankings request (default: 1).")
    Integer passagesMean;

    @Option(names = "--rankings-passages-stddev", paramLabel = "<n>",
            description = "Standard deviation of the passages per request (default: 0).")
    Double passagesStddev;

    @Option(names = "--rankings-passages-prompt-token-mean", paramLabel = "<tokens>",
            description = "Mean tokens per passage (default: 550).")
    Integer passageTokensMean;

    @Option(names = "--rankings-passages-prompt-token-stddev", paramLabel = "<tokens>",
            description = "Standard deviation of the tokens per passage (default: 0).")
    Double passageTokensStddev;

    @Option(names = "--rankings-query-prompt-token-mean", paramLabel = "<tokens>",
            description = "Mean tokens per query (default: 550).")
    Integer queryTokensMean;

    @Option(names = "--rankings-query-prompt-token-stddev", paramLabel = "<tokens>",
            description = "Standard deviation of the tokens per query (default: 0).")
    Double queryTokensStddev;

    /** Copies the options given into the core settings. */
    void applyTo(ProfileSettings.Rankings s) {
        s.passagesMean = passagesMean;
        s.passagesStddev = passagesStddev;
        s.passageTokensMean = passageTokensMean;
        s.passageTokensStddev = passageTokensStddev;
        s.queryTokensMean = queryTokensMean;
        s.queryTokensStddev = queryTokensStddev;
    }
}
