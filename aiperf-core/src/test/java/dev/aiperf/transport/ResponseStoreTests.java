package dev.aiperf.transport;

import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ReceivedResponses;
import dev.aiperf.api.model.RequestRecord;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseStoreTests {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void storedResponsesReadAsTheObjectsTheyStandFor() {
        ResponseStore store = new ResponseStore();
        store.reserve(1, 4);
        store.append(Unpooled.wrappedBuffer(utf8("xx{\"a\":1}")), 2, 7);
        store.complete(10, 5);
        store.append(utf8("caf\u00e9"), 0, 5);
        store.append((byte) '!');
        store.discardWriting();
        store.append(utf8("[DONE]"), 0, 6);
        store.complete(11, 0);

        ReceivedResponses responses = store.snapshot();

        assertThat(responses).containsExactly(
                InferenceResponse.ofUtf8(10, InferenceResponse.Kind.SSE, utf8("{\"a\":1}"), 0, 7, 5),
                InferenceResponse.ofUtf8(11, InferenceResponse.Kind.SSE, utf8("[DONE]"), 0, 6, 0));
        assertThat(responses.get(0)).isSameAs(responses.get(0));
        assertThat(responses.perfNs(1)).isEqualTo(11);
        assertThat(responses.serverSentNs(0)).isEqualTo(5);
        assertThat(new String(responses.utf8Bytes(), responses.utf8Offset(1), responses.utf8Length(1),
                StandardCharsets.UTF_8)).isEqualTo("[DONE]");
        assertThat(responses).isEqualTo(List.of(responses.get(0), responses.get(1)));
        assertThatThrownBy(() -> responses.add(responses.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> responses.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aSnapshotKeepsWhatItSawWhileTheStoreGrows() {
        ResponseStore store = new ResponseStore();
        store.kind(InferenceResponse.Kind.TEXT);
        store.append(utf8("first"), 0, 5);
        store.complete(1, 0);
        ReceivedResponses early = store.snapshot();
        for (int i = 0; i < 100; i++) {
            store.append(utf8("x".repeat(i)), 0, i);
            store.complete(2 + i, 0);
        }

        assertThat(early).extracting(InferenceResponse::text).containsExactly("first");
        assertThat(early.get(0).kind()).isEqualTo(InferenceResponse.Kind.TEXT);
        assertThat(store.snapshot()).hasSize(101);
        assertThat(store.snapshot().get(100).text()).isEqualTo("x".repeat(99));
        assertThat(new ResponseStore().snapshot()).isEmpty();
    }

    @Test
    void anEmptyBodyIsOneEmptyResponse() {
        ResponseStore store = new ResponseStore();
        store.kind(InferenceResponse.Kind.TEXT);
        store.complete(7, 0);

        assertThat(store.snapshot()).extracting(InferenceResponse::text, InferenceResponse::perfNs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", 7L));
    }

    @Test
    void aRecordKeepsTheStoreAsItsListWithoutACopy() {
        ResponseStore store = new ResponseStore();
        store.append(utf8("a"), 0, 1);
        store.complete(1, 0);
        ReceivedResponses responses = store.snapshot();
        RequestRecord record = new RequestRecord(null, "m", 0, 0, 0, null, 1L, 200, responses, null, null);

        assertThat(record.responses()).isSameAs(responses);
    }
}
