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
 *
 * <p>Each thread first looks in its own {@link RecentWords}, comparing the word in place in the text: a word
 * found there costs no substring and no shared-map lookup (both showed in the records thread's profile).
 */
final class WordTokenCounts {
    static final int MAX_WORD_CHARS = 48;
    static final int MAX_WORDS = 1 << 17;

    private final ToIntFunction<String> counter;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final ThreadLocal<RecentWords> recent = ThreadLocal.withInitial(RecentWords::new);

    /** @param counter the exact count of a text (the encoding's own) */
    WordTokenCounts(ToIntFunction<String> counter) {
        this.counter = counter;
    }

    int count(String text) {
        RecentWords words = recent.get();
        int total = 0;
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && isPrintableAscii(text.charAt(i - 1))) {
                total += countPart(text, start, i, words);
                start = i;
            }
        }
        return total + countPart(text, start, text.length(), words);
    }

    private int countPart(String text, int start, int end, RecentWords words) {
        if (end - start > MAX_WORD_CHARS) {
            return counter.applyAsInt(text.substring(start, end));
        }
        int slot = words.slot(text, start, end);
        int recentCount = words.count(slot, text, start, end);
        if (recentCount >= 0) {
            return recentCount;
        }
        String part = start == 0 && end == text.length() ? text : text.substring(start, end);
        Integer known = counts.get(part);
        int count;
        if (known != null) {
            count = known;
        } else {
            count = counter.applyAsInt(part);
            if (counts.size() < MAX_WORDS) {
                counts.put(part, count);
            }
        }
        words.remember(slot, part, count);
        return count;
    }

    private static boolean isPrintableAscii(char c) {
        return c > ' ' && c < 0x7F;
    }

    /**
     * One thread's most recent words and their counts, a direct-mapped table: a word's slot is a hash of its
     * characters, and a slot holds the last word that fell into it. Found by comparing the text's characters in
     * place, so a hit makes no substring.
     */
    static final class RecentWords {
        private static final int SLOTS = 1 << 12;

        private final String[] words = new String[SLOTS];
        private final int[] counts = new int[SLOTS];

        int slot(String text, int start, int end) {
            int h = 0;
            for (int i = start; i < end; i++) {
                h = 31 * h + text.charAt(i);
            }
            return (h ^ (h >>> 12)) & (SLOTS - 1);
        }

        /** The count of {@code text[start, end)} if that is the word in {@code slot}, else -1. */
        int count(int slot, String text, int start, int end) {
            String word = words[slot];
            return word != null && sameChars(word, text, start, end) ? counts[slot] : -1;
        }

        /** A plain loop: for a word, {@code regionMatches}'s vectorised compare costs more than it saves (JFR). */
        private static boolean sameChars(String word, String text, int start, int end) {
            if (word.length() != end - start) {
                return false;
            }
            for (int i = start; i < end; i++) {
                if (word.charAt(i - start) != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        void remember(int slot, String word, int count) {
            words[slot] = word;
            counts[slot] = count;
        }
    }
}
