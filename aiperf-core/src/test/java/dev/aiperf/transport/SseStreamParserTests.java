package dev.aiperf.transport;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseStreamParserTests {

    private record Event(String text, long perfNs) {
    }

    private final SseStreamParser parser = new SseStreamParser();
    private final List<Event> events = new ArrayList<>();

    private void feed(String chunk, long perfNs) {
        parser.feed(chunk.getBytes(StandardCharsets.UTF_8), perfNs, (text, ns) -> events.add(new Event(text, ns)));
    }

    private void finish(long perfNs) {
        parser.finish(perfNs, (text, ns) -> events.add(new Event(text, ns)));
    }

    @Test
    void eventsInOneChunkShareItsTimestamp() {
        feed("data: a\n\ndata: b\n\n", 10);

        assertThat(events).containsExactly(new Event("data: a", 10), new Event("data: b", 10));
    }

    @Test
    void anEventIsStampedWithTheChunkThatCompletedIt() {
        feed("data: {\"x\":", 1);
        feed("1}\n", 2);
        feed("\ndata: next", 3);
        feed("\n\n", 4);

        assertThat(events).containsExactly(new Event("data: {\"x\":1}", 3), new Event("data: next", 4));
    }

    @Test
    void crlfDelimitersWorkEvenWhenSplitAcrossChunks() {
        feed("data: a\r\n\r", 1);
        feed("\ndata: b\r", 2);
        feed("\n\r\n", 3);

        assertThat(events).containsExactly(new Event("data: a", 2), new Event("data: b", 3));
    }

    @Test
    void feedingByteByByteGivesTheSameEvents() {
        String stream = "data: one\n\n: comment\ndata: two\n\n\n\ndata: [DONE]\n\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            parser.feed(new byte[] {bytes[i]}, i, (text, ns) -> events.add(new Event(text, ns)));
        }

        assertThat(events).extracting(Event::text).containsExactly("data: one", ": comment\ndata: two", "data: [DONE]");
    }

    @Test
    void multiByteCharactersSplitAcrossChunksDecodeWhole() {
        byte[] bytes = "data: caf\u00e9 \u2713\n\n".getBytes(StandardCharsets.UTF_8);
        int split = 10; // inside the two bytes of the accented e
        parser.feed(java.util.Arrays.copyOfRange(bytes, 0, split), 1, (text, ns) -> events.add(new Event(text, ns)));
        parser.feed(java.util.Arrays.copyOfRange(bytes, split, bytes.length), 2,
                (text, ns) -> events.add(new Event(text, ns)));

        assertThat(events).containsExactly(new Event("data: caf\u00e9 \u2713", 2));
    }

    @Test
    void aTrailingRemainderIsTheLastEventAndBlankOnesAreSkipped() {
        feed("\n\n  \n\ndata: a\n\ndata: tail", 1);
        finish(9);

        assertThat(events).containsExactly(new Event("data: a", 1), new Event("data: tail", 9));
        finish(10);
        assertThat(events).hasSize(2);
    }

    @Test
    void largeEventsGrowTheBuffer() {
        String big = "x".repeat(100_000);
        feed("data: " + big.substring(0, 50_000), 1);
        feed(big.substring(50_000) + "\n\n", 2);

        assertThat(events).containsExactly(new Event("data: " + big, 2));
    }
}
