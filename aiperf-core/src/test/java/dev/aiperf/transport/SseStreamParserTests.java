package dev.aiperf.transport;

import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ReceivedResponses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseStreamParserTests {

    /** An event's data, or its error message prefixed with "error: ". */
    private record Event(String text, long perfNs) {
    }

    private final SseStreamParser parser = new SseStreamParser();
    private ResponseStore store = new ResponseStore();
    private final List<Event> events = new ArrayList<>();
    private final List<InferenceResponse> responses = new ArrayList<>();
    private final SseStreamParser.EventSink sink = new SseStreamParser.EventSink() {
        @Override
        public void onEvent() {
            InferenceResponse response = store.last();
            assertThat(response.kind()).isEqualTo(InferenceResponse.Kind.SSE);
            responses.add(response);
            events.add(new Event(response.text(), response.perfNs()));
        }

        @Override
        public void onError(String message, long perfNs) {
            events.add(new Event("error: " + message, perfNs));
        }
    };

    SseStreamParserTests() {
        parser.begin(store);
    }

    private void feed(String chunk, long perfNs) {
        parser.feed(chunk.getBytes(StandardCharsets.UTF_8), perfNs, sink);
    }

    private void finish(long perfNs) {
        parser.finish(perfNs, sink);
    }

    @Test
    void eventsInOneChunkShareItsTimestamp() {
        feed("data: a\n\ndata: b\n\n", 10);

        assertThat(events).containsExactly(new Event("a", 10), new Event("b", 10));
    }

    @Test
    void anEventIsStampedWithTheChunkThatCompletedIt() {
        feed("data: {\"x\":", 1);
        feed("1}\n", 2);
        feed("\ndata: next", 3);
        feed("\n\n", 4);

        assertThat(events).containsExactly(new Event("{\"x\":1}", 3), new Event("next", 4));
    }

    @Test
    void crlfDelimitersWorkEvenWhenSplitAcrossChunks() {
        feed("data: a\r\n\r", 1);
        feed("\ndata: b\r", 2);
        feed("\n\r\n", 3);

        assertThat(events).containsExactly(new Event("a", 2), new Event("b", 3));
    }

    @Test
    void feedingByteByByteGivesTheSameEvents() {
        String stream = "data: one\n\n: comment\ndata: two\n\n\n\ndata: [DONE]\n\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            parser.feed(new byte[] {bytes[i]}, i, sink);
        }

        assertThat(events).extracting(Event::text).containsExactly("one", "two", "[DONE]");
    }

    @Test
    void multiByteCharactersSplitAcrossChunksDecodeWhole() {
        byte[] bytes = "data: caf\u00e9 \u2713\n\n".getBytes(StandardCharsets.UTF_8);
        int split = 10; // inside the two bytes of the accented e
        parser.feed(java.util.Arrays.copyOfRange(bytes, 0, split), 1, sink);
        parser.feed(java.util.Arrays.copyOfRange(bytes, split, bytes.length), 2,
                sink);

        assertThat(events).containsExactly(new Event("caf\u00e9 \u2713", 2));
    }

    @Test
    void aTrailingRemainderIsTheLastEventAndBlankOnesAreSkipped() {
        feed("\n\n  \n\ndata: a\n\ndata: tail", 1);
        finish(9);

        assertThat(events).containsExactly(new Event("a", 1), new Event("tail", 9));
        finish(10);
        assertThat(events).hasSize(2);
    }

    @Test
    void largeEventsGrowTheBuffer() {
        String big = "x".repeat(100_000);
        feed("data: " + big.substring(0, 50_000), 1);
        feed(big.substring(50_000) + "\n\n", 2);

        assertThat(events).containsExactly(new Event(big, 2));
    }

    @Test
    void commentsIdEventAndRetryFieldsAreReadAndIgnoredPerEvent() {
        feed(": t=123456789\nid: 1\nevent: message\nretry: 10\ndata: {\"a\":1}\n\n", 1);
        feed(":keep-alive\n\n", 2);
        feed("data: x\nid: 2\n: t=5\n\n", 3);

        assertThat(events).containsExactly(new Event("{\"a\":1}", 1), new Event("x", 3));
    }

    @Test
    void severalDataLinesJoinWithNewlinesAndValuesAreTrimmed() {
        feed("data: first\ndata\ndata:  second \n data:\n\n", 1);

        assertThat(events).containsExactly(new Event("first\nsecond", 1));
    }

    @Test
    void crlfLinesInsideAnEventAndAcrossChunks() {
        feed(": t=1\r\nid: 7\r\ndata: {\"a\":", 1);
        feed("1}\r\n\r\n: t=2\r\ndata: [DONE]\r\n\r", 2);
        feed("\n", 3);

        assertThat(events).containsExactly(new Event("{\"a\":1}", 2), new Event("[DONE]", 3));
    }

    @Test
    void errorEventsEndWithTheirFirstCommentOrTheWholeEvent() {
        feed("event: error\n: model overloaded\n: second\ndata: x\n\n", 1);
        parser.begin(store);
        feed("EVENT: Error\ndata: {\"e\":1}\n\n", 2);

        assertThat(events).containsExactly(new Event("error: model overloaded", 1),
                new Event("error: EVENT: Error\ndata: {\"e\":1}", 2));
    }

    @Test
    void nothingAfterAnErrorEventIsRead() {
        feed("data: a\n\nevent: error\ndata: x\n\ndata: b\n\n", 1);
        feed("data: c\n\n", 2);
        finish(3);

        assertThat(events).containsExactly(new Event("a", 1), new Event("error: event: error\ndata: x", 1));
        assertThat(store.snapshot()).extracting(InferenceResponse::text).containsExactly("a");
    }

    @Test
    void rawNewlinesInsideJsonAndBareCarriageReturnsTakeTheStringReading() {
        feed("data: {\"content\":\"line one\nline two\"}\n\n", 1);
        feed("data: a\rdata: b\n\n", 2);

        assertThat(events).containsExactly(new Event("{\"content\":\"line one\\nline two\"}", 1),
                new Event("a\nb", 2));
    }

    @Test
    void multiByteCharactersSplitAcrossNettyBuffersDecodeWhole() {
        byte[] bytes = "data: {\"content\":\"\u00e9\u4e2d\ud83d\ude00\"}\n\n".getBytes(StandardCharsets.UTF_8);
        for (int split = 1; split < bytes.length; split++) {
            events.clear();
            ByteBuf first = Unpooled.copiedBuffer(bytes, 0, split);
            ByteBuf second = Unpooled.directBuffer().writeBytes(bytes, split, bytes.length - split);
            parser.feed(first, 1, sink);
            parser.feed(second, 2, sink);
            first.release();
            second.release();
            parser.begin(store);

            assertThat(events).as("split at %d", split)
                    .containsExactly(new Event("{\"content\":\"\u00e9\u4e2d\ud83d\ude00\"}", 2));
        }
    }

    @Test
    void responsesKeepTheirBytesWhileTheDataArrayGrowsAndAfterReset() {
        StringBuilder stream = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String data = "{\"n\":" + i + ",\"pad\":\"" + "p".repeat(i) + "\"}";
            expected.add(data);
            stream.append(": t=").append(i).append("\ndata: ").append(data).append("\n\n");
        }
        feed(stream.substring(0, 1000), 1);
        ReceivedResponses early = store.snapshot();
        feed(stream.substring(1000), 2);
        ReceivedResponses first = store.snapshot();
        store = new ResponseStore();
        parser.begin(store);
        feed("data: overwrites nothing\n\n", 3);

        assertThat(early).extracting(InferenceResponse::text).containsExactlyElementsOf(expected.subList(0, early.size()));
        assertThat(first).hasSize(200);
        assertThat(first).extracting(InferenceResponse::text).containsExactlyElementsOf(expected);
        assertThat(first.serverSentNs(7)).isEqualTo(7);
        assertThat(new String(first.utf8Bytes(), first.utf8Offset(7), first.utf8Length(7), StandardCharsets.UTF_8))
                .isEqualTo(expected.get(7));
        assertThat(store.snapshot()).extracting(InferenceResponse::text).containsExactly("overwrites nothing");
    }
}
