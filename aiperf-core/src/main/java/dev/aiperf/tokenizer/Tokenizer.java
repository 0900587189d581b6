package dev.aiperf.tokenizer;

/** Counts, encodes and decodes text as token ids. Implementations are thread-safe. */
public interface Tokenizer {

    /** The name this tokenizer was chosen by, e.g. {@code cl100k_base}. */
    String name();

    int[] encode(String text);

    String decode(int[] tokens);

    /** Token count of {@code text} (no special tokens). */
    default int count(String text) {
        return encode(text).length;
    }
}
