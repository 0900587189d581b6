package dev.aiperf.plugin;

import dev.aiperf.plugin.NameSuggestions.Phrasing;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameSuggestionsTest {
    private static final List<String> ENDPOINTS = List.of("chat", "completions", "embeddings");

    @Test
    void closestUsesEditDistanceAndRefusesFarNames() {
        assertThat(NameSuggestions.closest("chta", ENDPOINTS)).contains("chat");
        assertThat(NameSuggestions.closest("Completion", ENDPOINTS)).contains("completions");
        assertThat(NameSuggestions.closest("xyz", ENDPOINTS)).isEmpty();
        assertThat(NameSuggestions.closest("x", List.of())).isEmpty();
        assertThat(NameSuggestions.editDistance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void caseDashesAndBlanksDoNotCountAndTheCandidateComesBackAsGiven() {
        assertThat(NameSuggestions.closest(" GPT_4o ", List.of("gpt-4", "gpt-4o"))).contains("gpt-4o");
        assertThat(NameSuggestions.closest("--concurency", List.of("--conversation-num", "--concurrency")))
                .contains("--concurrency");
    }

    @Test
    void aPrefixOfThreeOrMoreCharactersIsCloseEnough() {
        assertThat(NameSuggestions.closest("embed", ENDPOINTS)).contains("embeddings");
        assertThat(NameSuggestions.closest("co", List.of("completions"))).isEmpty();
    }

    @Test
    void theFirstOfEquallyCloseCandidatesWins() {
        assertThat(NameSuggestions.closest("cat", List.of("bat", "hat"))).contains("bat");
        assertThat(NameSuggestions.closest("cat", List.of("hat", "bat"))).contains("hat");
    }

    @Test
    void thePhraseFitsItsPlaceInTheMessage() {
        assertThat(NameSuggestions.didYouMean("chta", ENDPOINTS)).isEqualTo(" Did you mean 'chat'?");
        assertThat(NameSuggestions.didYouMean("chta", ENDPOINTS, Phrasing.CLAUSE)).isEqualTo("; did you mean 'chat'?");
        assertThat(NameSuggestions.didYouMean("chta", ENDPOINTS, Phrasing.ASIDE)).isEqualTo(" (did you mean 'chat'?)");
        assertThat(NameSuggestions.didYouMean("xyz", ENDPOINTS)).isEmpty();
    }
}
