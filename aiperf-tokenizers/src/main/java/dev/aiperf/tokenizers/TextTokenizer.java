package dev.aiperf.tokenizers;

/**
 * Encodes text to token ids and back, without special tokens (like {@code add_special_tokens=False}
 * in the original). Implementations are thread-safe.
 *
 * <p>This module cannot see aiperf-api (the mock server uses it and depends on no other aiperf module),
 * so aiperf-core adapts these to the plugin interface {@code dev.aiperf.api.tokenizer.Tokenizer}.
 */
public interface TextTokenizer {

    int[] encode(String text);

    /** Decodes {@code ids[from, to)}; special tokens are kept, as the original's decode does. */
    String decode(int[] ids, int from, int to);

    default String decode(int[] ids) {
        return decode(ids, 0, ids.length);
    }

    /** Token count of {@code text}. */
    default int count(String text) {
        return encode(text).length;
    }
}
