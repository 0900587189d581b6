package dev.aiperf.tokenizers;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting cl100k_base word by word gives exactly the encoding's own count, on texts made to hit the
 * pre-tokenizer's corners: runs of spaces, newlines and tabs, contractions, digits, punctuation, non-ASCII
 * letters and white space, surrogate pairs, and words long enough to be counted without being remembered.
 */
class WordTokenCountsTest {
    private static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final String[] PIECES = {"a", "b", "Z", "the", "compare", "summer's", "I'm", "we've", "they'RE",
            "'s", "'ll", "'", " ", "  ", "   ", "\n", "\r\n", "\t", " \n ", "1", "42", "12345", "½", ".", ",", "?!",
            "(", ")", "--", "\"", "café", "naïve", "日本語", "🙂", "\u00A0", "\u3000", "\u2009", "\u0085", "\u000B",
            "x".repeat(60), "long" + "word".repeat(15), " ".repeat(9), "é"};

    @Test
    void everyTextCountsAsTheEncodingCountsIt() {
        WordTokenCounts words = new WordTokenCounts(CL100K::countTokensOrdinary);
        Random random = new Random(12);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(24);
            for (int p = 0; p < parts; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextInt(3) > 0) {
                    text.append(' ');
                }
            }
            String sample = text.toString();
            assertThat(words.count(sample)).as("count of [%s]", sample).isEqualTo(CL100K.countTokensOrdinary(sample));
            // the second time from remembered words
            assertThat(words.count(sample)).as("count of [%s] again", sample).isEqualTo(CL100K.countTokensOrdinary(sample));
        }
    }

    @Test
    void theTokenizerCountsCl100kWordByWordAndTheEmptyTextAsNothing() {
        TiktokenTokenizer tokenizer = TiktokenTokenizer.forName("cl100k_base").orElseThrow();
        String text = "Shall I compare thee to a summer's day? Thou art more lovely and more temperate:\n"
                + "  Rough winds do shake the darling buds of May, 1609.";
        assertThat(tokenizer.count(text)).isEqualTo(tokenizer.encode(text).length).isEqualTo(CL100K.countTokensOrdinary(text));
        assertThat(tokenizer.count("")).isZero();
        assertThat(tokenizer.count(" ")).isEqualTo(1);
    }
}
