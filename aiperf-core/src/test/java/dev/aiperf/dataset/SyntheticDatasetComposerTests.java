package dev.aiperf.dataset;

import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.endpoint.Contexts;
import dev.aiperf.endpoint.TestConfig;
import dev.aiperf.tokenizer.TestTokenizerFiles;
import dev.aiperf.tokenizer.Tokenizers;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticDatasetComposerTests {

    private static final Tokenizer TOKENIZER = Tokenizers.forName("cl100k_base");

    private static List<Conversation> compose(TestConfig config) {
        return new SyntheticDatasetComposer(Contexts.dataset(config.build())).compose();
    }

    @Test
    void theDefaultDatasetIsOneHundredSingleTurnConversationsOf550Tokens() {
        List<Conversation> dataset = compose(new TestConfig());

        assertThat(dataset).hasSize(100);
        assertThat(dataset.get(0).sessionId()).isEqualTo("session_000000");
        assertThat(dataset.get(99).sessionId()).isEqualTo("session_000099");
        for (Conversation conversation : dataset) {
            Turn turn = conversation.turns().get(0);
            assertThat(conversation.turns()).hasSize(1);
            assertThat(turn.texts()).singleElement().extracting(Turn.Text::name).isEqualTo("text");
            assertThat(turn.model()).isEqualTo("test-model");
            assertThat(turn.maxTokens()).isNull();
            assertThat(turn.delayMs()).isNull();
            // Exactly 550, not "about": windows are chosen so that the decoded text re-encodes to the count.
            assertThat(TOKENIZER.count(turn.allTexts().get(0))).isEqualTo(550);
        }
        assertThat(dataset.stream().map(c -> c.turns().get(0).allTexts().get(0)).distinct()).hasSize(100);
    }

    @Test
    void everyPromptHasExactlyTheIslInTheModelsOwnTokenizer() {
        for (String name : List.of("qwen3", "llama3")) {
            TestConfig config = new TestConfig();
            String folder = TestTokenizerFiles.folder(name).toString();
            config.tokenizer = null;
            config.models = List.of(folder);
            config.islMean = 128;
            config.numDatasetEntries = 300;
            Tokenizer tokenizer = Tokenizers.forName(folder);

            List<Conversation> dataset = compose(config);

            assertThat(dataset).hasSize(300).allSatisfy(conversation -> assertThat(
                    tokenizer.count(conversation.turns().get(0).allTexts().get(0))).as(name).isEqualTo(128));
        }
    }

    @Test
    void theSameSeedGivesTheSameDatasetAndAnotherSeedAnother() {
        TestConfig config = new TestConfig();
        config.islStddev = 50;
        config.oslMean = 100;
        config.oslStddev = 20;
        config.sessionTurnsMean = 3;
        config.sessionTurnsStddev = 1;
        config.turnDelayMean = 500;
        config.turnDelayStddev = 100;
        List<Conversation> first = compose(config);
        List<Conversation> again = compose(config);
        config.randomSeed = 43L;
        List<Conversation> other = compose(config);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void withoutASeedSessionIdsAreUuids() {
        TestConfig config = new TestConfig();
        config.randomSeed = null;
        config.numDatasetEntries = 3;

        for (Conversation conversation : compose(config)) {
            assertThat(UUID.fromString(conversation.sessionId())).isNotNull();
        }
    }

    @Test
    void promptsHaveExactlyTheRequestedCorpusTokens() {
        PromptCorpus corpus = PromptCorpus.forTokenizer(TOKENIZER);
        PromptGenerator generator = new PromptGenerator(corpus, new SplittableRandom(9));

        assertThat(generator.generate(0)).isEmpty();
        int exact = 0;
        for (int n : new int[] {1, 7, 64, 550, 2048}) {
            for (int i = 0; i < 20; i++) {
                int counted = TOKENIZER.count(generator.generate(n));
                assertThat(counted).isBetween((int) (n * 0.95) - 2, (int) (n * 1.05) + 2);
                exact += counted == n ? 1 : 0;
            }
        }
        assertThat(exact).as("most windows re-tokenize to exactly n").isGreaterThan(50);
        assertThat(corpus.size()).isGreaterThan(5_000);
    }

    @Test
    void corpusLongerThanItselfWrapsAround() {
        PromptCorpus corpus = PromptCorpus.forTokenizer(TOKENIZER);

        assertThat(TOKENIZER.count(corpus.decode(corpus.size() - 3, 10))).isBetween(8, 12);
    }

    @Test
    void corpusChunksCloseAfterTheLineThatCrosses10000Characters() {
        String line = "x".repeat(4000);

        List<String> chunks = PromptCorpus.chunks(List.of(line, line, line, "tail", line));

        assertThat(chunks).containsExactly(line + " " + line + " " + line, "tail " + line);
    }

    @Test
    void oslSetsMaxTokensAndIslStddevVariesLengths() {
        TestConfig config = new TestConfig();
        config.islMean = 100;
        config.islStddev = 30;
        config.oslMean = 64;
        config.numDatasetEntries = 50;

        List<Conversation> dataset = compose(config);

        assertThat(dataset).allSatisfy(c -> assertThat(c.turns().get(0).maxTokens()).isEqualTo(64));
        Set<Integer> lengths = new HashSet<>();
        dataset.forEach(c -> lengths.add(TOKENIZER.count(c.turns().get(0).allTexts().get(0))));
        assertThat(lengths.size()).isGreaterThan(10);
    }

    @Test
    void seqDistPairsSetBothPromptLengthAndMaxTokens() {
        TestConfig config = new TestConfig();
        config.sequenceDistribution = "20,5:50;400,70:50";
        config.oslMean = 999;
        config.numDatasetEntries = 40;

        List<Conversation> dataset = compose(config);

        assertThat(dataset).allSatisfy(c -> {
            Turn turn = c.turns().get(0);
            int tokens = TOKENIZER.count(turn.allTexts().get(0));
            if (turn.maxTokens() == 5) {
                assertThat(tokens).isBetween(17, 23);
            } else {
                assertThat(turn.maxTokens()).isEqualTo(70);
                assertThat(tokens).isBetween(380, 420);
            }
        });
        assertThat(dataset).extracting(c -> c.turns().get(0).maxTokens()).contains(5, 70);
    }

    @Test
    void multiTurnConversationsDelayEveryTurnButTheFirst() {
        TestConfig config = new TestConfig();
        config.islMean = 10;
        config.sessionTurnsMean = 4;
        config.turnDelayMean = 200;
        config.turnDelayRatio = 0.5;
        config.numDatasetEntries = 5;

        for (Conversation conversation : compose(config)) {
            assertThat(conversation.turns()).hasSize(4);
            assertThat(conversation.turns().get(0).delayMs()).isNull();
            assertThat(conversation.turns().subList(1, 4)).allSatisfy(t -> assertThat(t.delayMs()).isEqualTo(100L));
        }
    }

    @Test
    void prefixPromptsLeadTheFirstTurnOnly() {
        TestConfig config = new TestConfig();
        config.islMean = 10;
        config.numPrefixPrompts = 3;
        config.prefixPromptLength = 40;
        config.sessionTurnsMean = 2;
        config.numDatasetEntries = 30;

        List<Conversation> dataset = compose(config);

        Set<String> prefixes = new HashSet<>();
        for (Conversation conversation : dataset) {
            String first = conversation.turns().get(0).allTexts().get(0);
            String second = conversation.turns().get(1).allTexts().get(0);
            assertThat(TOKENIZER.count(first)).isBetween(45, 55);
            assertThat(TOKENIZER.count(second)).isBetween(8, 12);
            prefixes.add(first.substring(0, 60));
        }
        assertThat(prefixes).hasSize(3);
    }

    @Test
    void sharedSystemPromptIsCommonAndUserContextIsPerConversation() {
        TestConfig config = new TestConfig();
        config.islMean = 5;
        config.sharedSystemPromptLength = 30;
        config.userContextPromptLength = 20;
        config.numDatasetEntries = 4;

        List<Conversation> dataset = compose(config);

        assertThat(dataset).extracting(Conversation::systemMessage).containsOnly(dataset.get(0).systemMessage());
        assertThat(TOKENIZER.count(dataset.get(0).systemMessage())).isBetween(27, 33);
        assertThat(dataset).extracting(Conversation::userContextMessage).doesNotHaveDuplicates();
    }

    @Test
    void modelsAreAssignedRoundRobinOrAtRandomPerTurn() {
        TestConfig roundRobin = new TestConfig();
        roundRobin.models = List.of("a", "b", "c");
        roundRobin.islMean = 5;
        roundRobin.sessionTurnsMean = 2;
        roundRobin.numDatasetEntries = 3;
        TestConfig random = new TestConfig();
        random.models = List.of("a", "b");
        random.modelSelectionStrategy = "random";
        random.islMean = 5;
        random.numDatasetEntries = 40;

        assertThat(compose(roundRobin).stream().flatMap(c -> c.turns().stream()).map(Turn::model))
                .containsExactly("a", "b", "c", "a", "b", "c");
        assertThat(compose(random).stream().map(c -> c.turns().get(0).model()).distinct()).hasSize(2);
    }

    @Test
    void promptBatchSizeGivesSeveralPromptsInOneTextItem() {
        TestConfig config = new TestConfig();
        config.islMean = 8;
        config.promptBatchSize = 3;
        config.numDatasetEntries = 2;

        assertThat(compose(config)).allSatisfy(c ->
                assertThat(c.turns().get(0).texts()).singleElement().satisfies(t -> assertThat(t.contents()).hasSize(3)));
    }

    @Test
    void aPrefixLengthWithoutAPoolIsAClearError() {
        TestConfig config = new TestConfig();
        config.prefixPromptLength = 10;

        assertThatThrownBy(() -> compose(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--num-prefix-prompts");
    }

    @Test
    void generatingALargeDatasetPrintsItsSpeed() {
        TestConfig config = new TestConfig();
        config.numDatasetEntries = 1000;
        compose(new TestConfig()); // corpus tokenized and code warmed

        long start = System.nanoTime();
        List<Conversation> dataset = compose(config);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("synthetic dataset: %d conversations of 550 tokens in %d ms%n", dataset.size(), elapsedMs);
        assertThat(dataset).hasSize(1000);
    }
}
