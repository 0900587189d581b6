package dev.aiperf.api.tokenizer;

import java.util.Arrays;

/**
 * Counts, encodes and decodes text as the token ids of one tokenizer. Encoding adds no special tokens
 * ({@code add_special_tokens=False} in the original); decoding keeps them. Implementations are thread-safe:
 * one instance serves every request of a run.
 */
public interface Tokenizer {

    /** The name this tokenizer was chosen by, e.g. {@code cl100k_base} or {@code Qwen/Qwen3-0.6B}. */
    String name();

    int[] encode(String text);

    String decode(int[] tokens);

    /** Decodes {@code tokens[from, to)}; implementations may avoid the copy. */
    default String decode(int[] tokens, int from, int to) {
        return decode(Arrays.copyOfRange(tokens, from, to));
    }

    /** Token count of {@code text} (no special tokens added). */
    default int count(String text) {
        return encode(text).length;
    }
}
