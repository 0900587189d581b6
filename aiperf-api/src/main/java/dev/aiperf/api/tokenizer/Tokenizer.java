package dev.aiperf.api.tokenizer;

import java.util.Arrays;

/** Counts, encodes and decodes text as token ids. Implementations are thread-safe. */
public interface Tokenizer {

    /** The name this tokenizer was chosen by, e.g. {@code cl100k_base}. */
    String name();

    int[] encode(String text);

    String decode(int[] tokens);

    /** Decodes {@code tokens[from, to)}; implementations may avoid the copy. */
    default String decode(int[] tokens, int from, int to) {
        return decode(Arrays.copyOfRange(tokens, from, to));
    }

    /** Token count of {@code text} (no special tokens). */
    default int count(String text) {
        return encode(text).length;
    }
}
