package dev.aiperf.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The mock server's {@code : t=<nanos>} comment: read as the send stamp, never as data. */
class SseStampTests {

    @Test
    void aStampedEventKeepsItsDataAndGivesTheStamp() {
        assertThat(SseEvent.parse(": t=123456789\ndata: {\"a\":1}"))
                .isEqualTo(new SseEvent("{\"a\":1}", false, null, 123456789L));
    }

    @Test
    void theStampIsFoundAmongOtherFieldsAndCrLfLines() {
        assertThat(SseEvent.parse(": t=42\r\nid: 7\r\ndata: x")).isEqualTo(new SseEvent("x", false, null, 42L));
    }

    @Test
    void otherCommentsAreNoStampAndStillNameAnError() {
        assertThat(SseEvent.parse(": keep-alive\ndata: y")).isEqualTo(new SseEvent("y", false, null, 0L));
        assertThat(SseEvent.parse(": t=abc\ndata: y").serverSentNs()).isZero();
        assertThat(SseEvent.parse(": t=99\nevent: error\n: model overloaded"))
                .isEqualTo(new SseEvent("", true, "model overloaded", 99L));
    }

    @Test
    void unstampedEventsHaveNoStamp() {
        assertThat(SseEvent.parse("data: [DONE]").serverSentNs()).isZero();
    }
}
