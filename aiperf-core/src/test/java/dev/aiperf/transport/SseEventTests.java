package dev.aiperf.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SseEventTests {

    @Test
    void theCommonSingleDataLine() {
        assertThat(SseEvent.parse("data: {\"a\":1}")).isEqualTo(new SseEvent("{\"a\":1}", false, null));
        assertThat(SseEvent.parse("data:[DONE]").data()).isEqualTo("[DONE]");
    }

    @Test
    void dataLinesJoinWithNewlinesAndOtherFieldsAreIgnored() {
        SseEvent event = SseEvent.parse("id: 7\nevent: message\ndata: first\nretry: 10\ndata:  second \ndata:");

        assertThat(event.data()).isEqualTo("first\nsecond");
        assertThat(event.error()).isFalse();
    }

    @Test
    void commentsAndValuelessFieldsCarryNoData() {
        assertThat(SseEvent.parse(": keep-alive").data()).isEmpty();
        assertThat(SseEvent.parse("data").data()).isEmpty();
    }

    @Test
    void errorEventsUseTheirCommentOrTheWholeEvent() {
        assertThat(SseEvent.parse("event: error\n: model overloaded"))
                .isEqualTo(new SseEvent("", true, "model overloaded"));
        assertThat(SseEvent.parse("event:ERROR\ndata: {\"e\":1}"))
                .isEqualTo(new SseEvent("{\"e\":1}", true, "event:ERROR\ndata: {\"e\":1}"));
    }

    @Test
    void aRawNewlineInsideJsonIsEscapedSoTheDataStillParses() throws Exception {
        SseEvent event = SseEvent.parse("data: {\"choices\":[{\"delta\":{\"content\":\"line one\n"
                + "line two\"}}]}");

        assertThat(event.data()).isEqualTo("{\"choices\":[{\"delta\":{\"content\":\"line one\\nline two\"}}]}");
        assertThat(new ObjectMapper().readTree(event.data()).at("/choices/0/delta/content").asText())
                .isEqualTo("line one\nline two");
    }

    @Test
    void aNewDataLineIsNotTakenForAContinuation() {
        SseEvent event = SseEvent.parse("data: {\"open\":\ndata: 1}");

        assertThat(event.data()).isEqualTo("{\"open\":\n1}");
    }
}
