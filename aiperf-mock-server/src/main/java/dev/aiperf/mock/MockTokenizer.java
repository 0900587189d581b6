package dev.aiperf.mock;

import dev.aiperf.tokenizers.LocalTokenizers;
import dev.aiperf.tokenizers.TextTokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * How the mock counts prompt tokens and cuts its corpus into output tokens: the original's character chunks by
 * default, or a real tokenizer ({@code --tokenizer}) so that its usage counts agree with a client counting in the
 * same tokenizer.
 */
interface MockTokenizer {

    /** The original's mock tokenizer: about four characters per token. */
    MockTokenizer CHAR_CHUNKS = new MockTokenizer() {
        @Override
        public int count(String text) {
            return CharChunkTokenizer.count(text);
        }

        @Override
        public List<String> leadingTokens(String text, int limit) {
            return CharChunkTokenizer.leadingTokens(text, limit);
        }

        @Override
        public List<String> pieces(String text) {
            return CharChunkTokenizer.tokenize(text);
        }

        @Override
        public boolean retokenizes() {
            return false;
        }
    };

    int count(String text);

    /** At most {@code limit} leading tokens of {@code text}, as text (they seed the output plan). */
    List<String> leadingTokens(String text, int limit);

    /** The tokens of {@code text} as text; their concatenation is {@code text}. */
    List<String> pieces(String text);

    /**
     * Whether the text of a run of tokens may count differently when encoded again (a real tokenizer), so output
     * runs must be chosen where they do not.
     */
    boolean retokenizes();

    /**
     * The tokenizer of {@code config}.
     *
     * @throws IllegalArgumentException when {@code --tokenizer} names nothing on this machine (says where it looked)
     */
    static MockTokenizer forConfig(MockServerConfig config) {
        return config.tokenizer() == null ? CHAR_CHUNKS
                : new Real(LocalTokenizers.load(config.tokenizer(), config.tokenizerRevision()));
    }

    /** A real tokenizer from aiperf-tokenizers. */
    record Real(TextTokenizer tokenizer) implements MockTokenizer {

        /** Tokens decoded with this many before them, so that decoders which drop a leading space see context. */
        private static final int CONTEXT = 3;

        @Override
        public int count(String text) {
            return tokenizer.count(text);
        }

        @Override
        public List<String> leadingTokens(String text, int limit) {
            int[] ids = tokenizer.encode(text);
            return pieces(ids, Math.min(limit, ids.length));
        }

        @Override
        public List<String> pieces(String text) {
            int[] ids = tokenizer.encode(text);
            return pieces(ids, ids.length);
        }

        private List<String> pieces(int[] ids, int limit) {
            List<String> pieces = new ArrayList<>(limit);
            for (int i = 0; i < limit; i++) {
                int from = Math.max(0, i - CONTEXT);
                String before = tokenizer.decode(ids, from, i);
                String through = tokenizer.decode(ids, from, i + 1);
                pieces.add(through.startsWith(before) ? through.substring(before.length())
                        : tokenizer.decode(ids, i, i + 1));
            }
            return pieces;
        }

        @Override
        public boolean retokenizes() {
            return true;
        }
    }
}
