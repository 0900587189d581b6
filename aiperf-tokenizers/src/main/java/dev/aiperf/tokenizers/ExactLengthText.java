package dev.aiperf.tokenizers;

/**
 * Text that the tokenizer counts as exactly {@code n} tokens, cut from a token corpus. Decoding a window of
 * {@code n} corpus tokens and encoding the text again does not always give {@code n} tokens back (words merge
 * or split differently at the window's edges), so the window is widened or narrowed by the difference until the
 * re-encoded count is exact, and moved to the next corpus position when a window does not converge.
 */
public final class ExactLengthText {

    private static final int ADJUSTMENTS = 6;
    private static final int STARTS = 64;

    private ExactLengthText() {
    }

    /**
     * Text of exactly {@code n} tokens of {@code tokenizer}, from the corpus window starting at or soon after
     * {@code start} (wrapping around the end); empty for {@code n <= 0}.
     *
     * @param corpus token ids of the corpus, encoded by {@code tokenizer}; not empty
     * @throws IllegalStateException when no window of the corpus re-encodes to {@code n} tokens
     */
    public static String of(TextTokenizer tokenizer, int[] corpus, int start, int n) {
        if (n <= 0) {
            return "";
        }
        for (int attempt = 0; attempt < STARTS; attempt++) {
            int from = Math.floorMod(start + attempt, corpus.length);
            int length = n;
            for (int step = 0; step < ADJUSTMENTS; step++) {
                String text = tokenizer.decode(window(corpus, from, length));
                int count = tokenizer.count(text);
                if (count == n) {
                    return text;
                }
                length = Math.max(1, length + n - count);
            }
        }
        throw new IllegalStateException("no text of exactly " + n + " tokens found in the corpus near token " + start);
    }

    /** {@code length} corpus ids from {@code from}, wrapping around the end. */
    public static int[] window(int[] corpus, int from, int length) {
        int[] ids = new int[length];
        for (int i = 0; i < length; i++) {
            ids[i] = corpus[(from + i) % corpus.length];
        }
        return ids;
    }
}
