package dev.aiperf.api.config;

/**
 * The synthetic rankings dataset (spec §1.3 "Rankings", §3.3.7): per entry one query and a number of passages,
 * each sized in tokens. Only used with a {@code *rankings} endpoint type.
 *
 * @param passagesMean           mean passages per request ({@code --rankings-passages-mean})
 * @param passagesStddev         their standard deviation
 * @param passageTokensMean      mean tokens per passage ({@code --rankings-passages-prompt-token-mean})
 * @param passageTokensStddev    their standard deviation
 * @param queryTokensMean        mean tokens per query ({@code --rankings-query-prompt-token-mean})
 * @param queryTokensStddev      their standard deviation
 */
public record RankingsConfig(int passagesMean, double passagesStddev, int passageTokensMean,
                             double passageTokensStddev, int queryTokensMean, double queryTokensStddev) {

    /** The original's defaults: one passage, 550-token passages and queries, no spread. */
    public static final RankingsConfig DEFAULTS = new RankingsConfig(1, 0, 550, 0, 550, 0);
}
