package dev.aiperf.mock;

import java.util.ArrayList;
import java.util.List;

/**
 * The mock tokenizer of the original tool: about four characters per token. When the character at the cut is not
 * whitespace, it looks up to two characters ahead and, finding whitespace, extends the token through it, so tokens
 * tend to end on word boundaries.
 */
final class CharChunkTokenizer {

    private static final int CHARS_PER_TOKEN = 4;
    private static final int LOOK_AHEAD = 2;

    private CharChunkTokenizer() {
    }

    /** The tokens of {@code text}, in order; their concatenation is {@code text}. */
    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>(text.length() / CHARS_PER_TOKEN + 1);
        for (int start = 0; start < text.length(); ) {
            int end = tokenEnd(text, start);
            tokens.add(text.substring(start, end));
            start = end;
        }
        return tokens;
    }

    /** The number of tokens of {@code text}, without building them. */
    static int count(String text) {
        int count = 0;
        for (int start = 0; start < text.length(); start = tokenEnd(text, start)) {
            count++;
        }
        return count;
    }

    /** At most {@code limit} leading tokens of {@code text}. */
    static List<String> leadingTokens(String text, int limit) {
        List<String> tokens = new ArrayList<>(limit);
        for (int start = 0; start < text.length() && tokens.size() < limit; ) {
            int end = tokenEnd(text, start);
            tokens.add(text.substring(start, end));
            start = end;
        }
        return tokens;
    }

    private static int tokenEnd(String text, int start) {
        int length = text.length();
        int end = Math.min(start + CHARS_PER_TOKEN, length);
        if (end < length && !isSpace(text.charAt(end))) {
            int lookAheadEnd = Math.min(end + LOOK_AHEAD, length);
            for (int j = end; j < lookAheadEnd; j++) {
                if (isSpace(text.charAt(j))) {
                    return j + 1;
                }
            }
        }
        return end;
    }

    // Close to Python's str.isspace(), which the original relies on (it also counts no-break spaces).
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
