package dev.aiperf.dataset;

import java.util.random.RandomGenerator;

/**
 * Synthetic prompts of an exact token length: a uniformly chosen window of the corpus, decoded (spec §3.3.1).
 * Unlike the original, re-tokenizing the text gives exactly the asked length: windows whose edges merge or split
 * differently are adjusted ({@link PromptCorpus#exactText}).
 * Not thread-safe: one generator per dataset build.
 */
final class PromptGenerator {

    private static final System.Logger LOG = System.getLogger(PromptGenerator.class.getName());

    private final PromptCorpus corpus;
    private final RandomGenerator random;
    private boolean warnedTooLong;

    PromptGenerator(PromptCorpus corpus, RandomGenerator random) {
        this.corpus = corpus;
        this.random = random;
    }

    /** A prompt of {@code tokens} corpus tokens; empty for 0. */
    String generate(int tokens) {
        if (tokens <= 0) {
            return "";
        }
        if (tokens > corpus.size() && !warnedTooLong) {
            warnedTooLong = true;
            LOG.log(System.Logger.Level.WARNING, "A prompt of {0} tokens is longer than the {1}-token corpus;"
                    + " the corpus text repeats", tokens, corpus.size());
        }
        return corpus.exactText(random.nextInt(corpus.size()), tokens);
    }
}
