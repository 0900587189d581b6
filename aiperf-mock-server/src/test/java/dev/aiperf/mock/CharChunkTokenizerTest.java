package dev.aiperf.mock;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CharChunkTokenizerTest {

    @Test
    void cutsEveryFourCharactersWhenNoWhitespaceIsNear() {
        assertThat(CharChunkTokenizer.tokenize("abcdefghij")).containsExactly("abcd", "efgh", "ij");
    }

    @Test
    void extendsATokenThroughWhitespaceWithinTwoCharactersOfTheCut() {
        // Cut after "Hell": 'o' is not whitespace, ' ' one further is, so the token runs through it.
        assertThat(CharChunkTokenizer.tokenize("Hello world")).containsExactly("Hello ", "worl", "d");
        // Whitespace exactly at the cut starts the next token.
        assertThat(CharChunkTokenizer.tokenize("abcd efgh")).containsExactly("abcd", " efg", "h");
        // Whitespace three characters past the cut is too far.
        assertThat(CharChunkTokenizer.tokenize("abcdefg hi")).containsExactly("abcd", "efg ", "hi");
    }

    @Test
    void tokensConcatenateBackToTheTextAndCountAgrees() {
        String text = "Shall I compare thee to a summer's day?\nThou art more lovely and more temperate:\t ok";
        List<String> tokens = CharChunkTokenizer.tokenize(text);
        assertThat(String.join("", tokens)).isEqualTo(text);
        assertThat(CharChunkTokenizer.count(text)).isEqualTo(tokens.size());
        assertThat(CharChunkTokenizer.leadingTokens(text, 5)).isEqualTo(tokens.subList(0, 5));
    }

    @Test
    void emptyTextHasNoTokens() {
        assertThat(CharChunkTokenizer.tokenize("")).isEmpty();
        assertThat(CharChunkTokenizer.count("")).isZero();
    }
}
