package dev.aiperf.dataset;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.InputConfig;
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
 * Builds {@code --num-dataset-entries} synthetic conversations from the bundled corpus (spec §3.3):
 * turn counts and think-time delays, per-turn ISL/OSL (or {@code --seq-dist} pairs), the prefix
 * prompt pool, the shared system prompt and per-conversation user context, and synthetic images
 * and audio clips when configured ({@link SyntheticImages}, {@link SyntheticAudio}). The same seed
 * gives the same dataset.
 */
public final class SyntheticDatasetComposer implements DatasetComposer {

    private final BenchmarkConfig config;
    private final Tokenizer tokenizer;

    public SyntheticDatasetComposer(DatasetContext context) {
        this.config = context.config();
        this.tokenizer = context.tokenizer();
    }

    @Override
    public List<Conversation> compose() {
        return new Build(config, tokenizer).run();
    }

    /** The state of one dataset build: every random stream starts fresh, so compose() is repeatable. */
    private static final class Build {
        private final InputConfig input;
        private final PromptGenerator prompts;
        private final TurnFinalizer finalizer;
        private final SessionIds sessionIds;
        private final RandomGenerator lengthRandom;
        private final RandomGenerator prefixRandom;
        private final RandomGenerator turnCountRandom;
        private final RandomGenerator delayRandom;
        private final List<String> prefixPool;
        private final String systemPrompt;
        private final SyntheticImages images;
        private final SyntheticAudio audio;

        Build(BenchmarkConfig config, Tokenizer tokenizer) {
            this.input = config.input();
            Long seed = input.randomSeed();
            validate(input);
            PromptCorpus corpus = PromptCorpus.forTokenizer(tokenizer);
            this.prompts = new PromptGenerator(corpus, RandomStreams.forStream(seed, "dataset.prompt.corpus"));
            this.finalizer = new TurnFinalizer(config);
            this.sessionIds = new SessionIds(seed);
            this.lengthRandom = RandomStreams.forStream(seed, "dataset.prompt.length");
            this.prefixRandom = RandomStreams.forStream(seed, "dataset.prompt.prefix");
            this.turnCountRandom = RandomStreams.forStream(seed, "composer.conversation.turn_count");
            this.delayRandom = RandomStreams.forStream(seed, "composer.conversation.turn_delay");
            this.prefixPool = prefixPool();
            this.systemPrompt = positive(input.sharedSystemPromptLength())
                    ? prompts.generate(input.sharedSystemPromptLength()) : null;
            this.images = input.image().enabled() ? new SyntheticImages(input.image(), seed) : null;
            this.audio = input.audio().enabled() ? new SyntheticAudio(input.audio(), seed) : null;
        }

        List<Conversation> run() {
            List<Conversation> conversations = new ArrayList<>(input.numDatasetEntries());
            for (int i = 0; i < input.numDatasetEntries(); i++) {
                conversations.add(conversation());
            }
            return conversations;
        }

        private Conversation conversation() {
            String sessionId = sessionIds.next();
            String userContext = positive(input.userContextPromptLength())
                    ? prompts.generate(input.userContextPromptLength()) : null;
            int turnCount = PositiveNormal.sample(turnCountRandom, input.sessionTurnsMean(), input.sessionTurnsStddev());
            List<Turn> turns = new ArrayList<>(turnCount);
            for (int t = 0; t < turnCount; t++) {
                turns.add(turn(t == 0));
            }
            return new Conversation(sessionId, turns, systemPrompt, userContext);
        }

        private Turn turn(boolean first) {
            Integer sampledOsl = null;
            int isl;
            if (finalizer.sequenceDistribution() != null) {
                SequenceDistribution.Lengths lengths = finalizer.sampleSequence();
                isl = lengths.isl();
                sampledOsl = lengths.osl();
            } else {
                isl = PositiveNormal.sample(lengthRandom, input.islMean(), input.islStddev());
            }
            List<String> contents = new ArrayList<>(input.promptBatchSize());
            for (int b = 0; b < input.promptBatchSize(); b++) {
                String prompt = prompts.generate(isl);
                contents.add(first && !prefixPool.isEmpty() ? randomPrefix() + " " + prompt : prompt);
            }
            List<Turn.Text> texts = contents.isEmpty() ? List.of() : List.of(new Turn.Text("text", contents));
            Long delay = first ? null : delayMs();
            List<Turn.Media> turnImages = images == null ? List.of() : List.of(images.batch());
            List<Turn.Media> turnAudio = audio == null ? List.of() : List.of(audio.batch());
            Turn turn = new Turn(null, null, null, delay, null, texts, turnImages, turnAudio, List.of());
            return finalizer.finalizeTurn(turn, sampledOsl);
        }

        private Long delayMs() {
            if (input.turnDelayMean() <= 0) {
                return null;
            }
            int sampled = PositiveNormal.sample(delayRandom, input.turnDelayMean(), input.turnDelayStddev());
            return Math.round(sampled * input.turnDelayRatio());
        }

        private String randomPrefix() {
            return prefixPool.get(prefixRandom.nextInt(prefixPool.size()));
        }

        private List<String> prefixPool() {
            if (input.numPrefixPrompts() <= 0 || input.prefixPromptLength() <= 0) {
                return List.of();
            }
            List<String> pool = new ArrayList<>(input.numPrefixPrompts());
            for (int i = 0; i < input.numPrefixPrompts(); i++) {
                pool.add(prompts.generate(input.prefixPromptLength()));
            }
            return List.copyOf(pool);
        }

        private static boolean positive(Integer value) {
            return value != null && value > 0;
        }

        private static void validate(InputConfig input) {
            if (input.prefixPromptLength() > 0 && input.numPrefixPrompts() <= 0) {
                throw new IllegalArgumentException("--prefix-prompt-length " + input.prefixPromptLength()
                        + " needs a prefix pool: also give --num-prefix-prompts (1 or more)");
            }
            if (input.numDatasetEntries() < 1) {
                throw new IllegalArgumentException("--num-dataset-entries must be at least 1, got "
                        + input.numDatasetEntries());
            }
            if (input.video().enabled()) {
                throw new IllegalArgumentException(SyntheticVideo.UNSUPPORTED);
            }
            if (input.promptBatchSize() < 0) {
                throw new IllegalArgumentException("--prompt-batch-size must not be negative, got "
                        + input.promptBatchSize());
            }
            if (input.promptBatchSize() == 0 && !input.image().enabled() && !input.audio().enabled()) {
                throw new IllegalArgumentException("--prompt-batch-size 0 leaves synthetic turns empty: at least one"
                        + " of text (--prompt-batch-size 1 or more), images (--image-width-mean and"
                        + " --image-height-mean) or audio (--audio-length-mean) must be enabled");
            }
        }
    }
}
