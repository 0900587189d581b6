package dev.aiperf.tokenizers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Token counts of {@code cl100k_base} text, word by word, each distinct word counted once: a benchmark counts
 * the output of every request, and natural text repeats its words, so most words are looked up instead of
 * being encoded again (byte-pair merges included).
 *
 * <p>Exact, not an estimate. {@code cl100k_base} splits text into pieces before merging bytes, and merges never
 * cross a piece boundary, so a text's count is the sum of its parts' counts when the text is cut only at
 * piece boundaries. A space whose previous character is printable ASCII other than a space is always one: no
 * piece holds a non-white-space character followed by a space (letters, digits and punctuation pieces all end
 * before a space, white-space pieces hold white space only), and the piece that starts at the space depends
 * only on what follows it. So the text is cut before each such space; a part longer than
 * {@value #MAX_WORD_CHARS} characters (text without spaces) is counted directly and not remembered.
 *
 * <p>Only for {@code cl100k_base}, whose pre-tokenizer this reasoning is about. Memory is bounded: after
 * {@value #MAX_WORDS} distinct words nothing more is remembered. Thread-safe.
 */
final class WordTokenCounts {
    static final int MAX_WORD_CHARS = 48;
    static final int MAX_WORDS = 1 << 17;

    private final ToIntFunction<String> counter;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    /** @param counter the exact count of a text (the encoding's own) */
    WordTokenCounts(ToIntFunction<String> counter) {
        this.counter = counter;
    }

    int count(String text) {
        int total = 0;
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && isPrintableAscii(text.charAt(i - 1))) {
                total += countPart(text, start, i);
                start = i;
            }
        }
        return total + countPart(text, start, text.length());
    }

    private int countPart(String text, int start, int end) {
        String part = start == 0 && end == text.length() ? text : text.substring(start, end);
        if (end - start > MAX_WORD_CHARS) {
            return counter.applyAsInt(part);
        }
        Integer known = counts.get(part);
        if (known != null) {
            return known;
        }
        int count = counter.applyAsInt(part);
        if (counts.size() < MAX_WORDS) {
            counts.put(part, count);
        }
        return count;
    }

    private static boolean isPrintableAscii(char c) {
        return c > ' ' && c < 0x7F;
    }
}
