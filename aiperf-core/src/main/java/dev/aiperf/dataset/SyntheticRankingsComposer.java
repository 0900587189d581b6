package dev.aiperf.dataset;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.RankingsConfig;
import dev.aiperf.api.dataset.DatasetComposer;
import dev.aiperf.api.dataset.DatasetContext;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.random.RandomStreams;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The synthetic dataset of the rankings endpoints (spec §3.3.7): {@code --num-dataset-entries} one-turn
 * conversations, each a text named {@code query} (its length from {@code --rankings-query-prompt-token-mean/stddev})
 * and a text named {@code passages} holding a positive-normal number of passages
 * ({@code --rankings-passages-mean/stddev}), each sized by {@code --rankings-passages-prompt-token-mean/stddev}. The
 * same seed gives the same dataset.
 */
public final class SyntheticRankingsComposer implements DatasetComposer {

    private final BenchmarkConfig config;
    private final Tokenizer tokenizer;

    public SyntheticRankingsComposer(DatasetContext context) {
        this.config = context.config();
        this.tokenizer = context.tokenizer();
    }

    @Override
    public List<Conversation> compose() {
        Long seed = config.input().randomSeed();
        RankingsConfig rankings = config.input().rankings();
        PromptGenerator prompts = new PromptGenerator(PromptCorpus.forTokenizer(tokenizer),
                RandomStreams.forStream(seed, "dataset.prompt.corpus"));
        RandomGenerator passageCounts = RandomStreams.forStream(seed, "dataset.rankings.passages");
        RandomGenerator passageTokens = RandomStreams.forStream(seed, "dataset.rankings.passages.tokens");
        RandomGenerator queryTokens = RandomStreams.forStream(seed, "dataset.rankings.query.tokens");
        TurnFinalizer finalizer = new TurnFinalizer(config);
        SessionIds sessionIds = new SessionIds(seed);
        List<Conversation> conversations = new ArrayList<>(config.input().numDatasetEntries());
        for (int i = 0; i < config.input().numDatasetEntries(); i++) {
            String query = prompts.generate(PositiveNormal.sample(queryTokens, rankings.queryTokensMean(),
                    rankings.queryTokensStddev()));
            int count = Math.max(1, PositiveNormal.sample(passageCounts, rankings.passagesMean(),
                    rankings.passagesStddev()));
            List<String> passages = new ArrayList<>(count);
            for (int p = 0; p < count; p++) {
                passages.add(prompts.generate(PositiveNormal.sample(passageTokens, rankings.passageTokensMean(),
                        rankings.passageTokensStddev())));
            }
            Turn turn = new Turn(null, null, null, null, null,
                    List.of(new Turn.Text("query", List.of(query)), new Turn.Text("passages", passages)));
            conversations.add(new Conversation(sessionIds.next(), List.of(finalizer.finalizeTurn(turn, null)),
                    null, null));
        }
        return conversations;
    }
}
