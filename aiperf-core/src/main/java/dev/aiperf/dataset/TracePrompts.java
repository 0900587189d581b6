package dev.aiperf.dataset;

import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.random.RandomStreams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Prompts of trace rows (spec §3.6): {@code input_length} tokens built from one block of corpus text per
 * {@code hash_id}, so rows whose hash ids share a prefix send prompts that share a text prefix (what a server's
 * prefix cache reuses). Every block but the last is exactly the block size in tokens and the same text wherever
 * its hash id appears; the last block makes up the rest, chosen so the whole prompt is exactly
 * {@code input_length} tokens of the run's tokenizer. A row without hash ids gets a fresh random prompt.
 * Unlike the original, blocks do not start with the tokenizer's BOS token: the text is the same either way up to
 * that one token, and a text prompt cannot carry a special token reliably through a server's chat template.
 * Not thread-safe: one per dataset build.
 */
final class TracePrompts {

    private final PromptCorpus corpus;
    private final PromptGenerator random;
    private final int blockSize;
    private final long seed;
    private final Map<Long, String> blocks = new HashMap<>();

    TracePrompts(Tokenizer tokenizer, Long randomSeed, int blockSize) {
        this.corpus = PromptCorpus.forTokenizer(tokenizer);
        this.random = new PromptGenerator(corpus, RandomStreams.forStream(randomSeed, "dataset.prompt.corpus"));
        this.blockSize = blockSize;
        this.seed = randomSeed == null ? 0 : RandomStreams.childSeed(randomSeed, "dataset.prompt.hash_blocks");
    }

    int blockSize() {
        return blockSize;
    }

    /** The prompt of a row; its hash ids must fit the block size. */
    String prompt(int inputLength, List<Long> hashIds) {
        if (hashIds.isEmpty()) {
            return random.generate(inputLength);
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < hashIds.size() - 1; i++) {
            prefix.append(block(hashIds.get(i)));
        }
        long last = hashIds.getLast();
        int lastTokens = inputLength - (hashIds.size() - 1) * blockSize;
        if (lastTokens == blockSize && prefix.isEmpty()) {
            return block(last);
        }
        return prefix + corpus.exactSuffix(prefix.toString(), start(last), inputLength, lastTokens);
    }

    /** The text of one full block: exactly {@code blockSize} tokens, the same for the same hash id. */
    private String block(long hashId) {
        return blocks.computeIfAbsent(hashId, id -> corpus.exactText(start(id), blockSize));
    }

    /** Where a hash id's block starts in the corpus: fixed per hash id (and seed), independent of row order. */
    private int start(long hashId) {
        return new SplittableRandom(hashId * 0x9E3779B97F4A7C15L ^ seed).nextInt(corpus.size());
    }
}
