package dev.aiperf.records;

import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Input token counts are remembered per dataset turn, never for requests that carry history. */
class TokenCounterTest {

    /** Whitespace counts, remembering every text it was asked to count. */
    private static final class RecordingTokenizer implements Tokenizer {
        final List<String> counted = new ArrayList<>();
        private final WhitespaceTokenizer words = new WhitespaceTokenizer();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public int[] encode(String text) {
            counted.add(text);
            return words.encode(text);
        }

        @Override
        public String decode(int[] tokens) {
            return words.decode(tokens);
        }
    }

    private final RecordingTokenizer tokenizer = new RecordingTokenizer();
    private final TokenCounter counter = new TokenCounter(tokenizer, true, true);

    private static RequestInfo firstTurn(Conversation conversation, long credit) {
        return new RequestInfo(conversation, List.of(conversation.turns().getFirst()), 0, credit, CreditPhase.PROFILING,
                "req-" + credit, "corr-" + credit, 0);
    }

    @Test
    void aDatasetTurnIsTokenisedOnceHoweverOftenItIsSent() {
        Conversation conversation = new Conversation("c", List.of(Turn.ofText("three word prompt", 8)), "be brief", null);
        for (long credit = 0; credit < 5; credit++) {
            assertThat(counter.input(firstTurn(conversation, credit))).isEqualTo(5);
        }
        assertThat(tokenizer.counted).containsExactly("be brief three word prompt");
    }

    @Test
    void equalTextsInAnotherConversationShareTheCountAndOtherTextsGetTheirOwn() {
        Conversation first = new Conversation("a", List.of(Turn.ofText("same text", 8)), null, null);
        Conversation copy = new Conversation("b", List.of(Turn.ofText(new String("same text"), 8)), null, null);
        Conversation other = new Conversation("c", List.of(Turn.ofText("a different text", 8)), null, null);
        assertThat(counter.input(firstTurn(first, 0))).isEqualTo(2);
        assertThat(counter.input(firstTurn(copy, 1))).isEqualTo(2);
        assertThat(counter.input(firstTurn(other, 2))).isEqualTo(3);
        assertThat(tokenizer.counted).containsExactly("same text", "a different text");
    }

    @Test
    void requestsWithHistoryAreCountedEveryTime() {
        Turn question = Turn.ofText("first question", 8);
        Turn answer = new Turn(null, "assistant", null, null, null, List.of(new Turn.Text("text", List.of("a reply"))));
        Turn followUp = Turn.ofText("and then", 8);
        Conversation conversation = new Conversation("c", List.of(question, followUp), null, null);
        RequestInfo second = new RequestInfo(conversation, List.of(question, answer, followUp), 1, 0,
                CreditPhase.PROFILING, "r", "c", 0);
        assertThat(counter.input(second)).isEqualTo(6);
        assertThat(counter.input(second)).isEqualTo(6);
        assertThat(tokenizer.counted).containsExactly("first question a reply and then", "first question a reply and then");
    }
}
