package dev.aiperf.transport;

import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.transport.ScriptedHttpServer.Close;
import dev.aiperf.transport.ScriptedHttpServer.Pause;
import dev.aiperf.transport.ScriptedHttpServer.Write;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.aiperf.transport.TransportFixtures.await;
import static dev.aiperf.transport.TransportFixtures.chat;
import static dev.aiperf.transport.TransportFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

/** The transport against a server whose bytes and pauses are scripted, over 127.0.0.1. */
class ScriptedResponseTests {

    private static RequestRecord exchange(List<ScriptedHttpServer.Step> script) {
        try (ScriptedHttpServer server = new ScriptedHttpServer(script);
             NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            return await(transport.sendRequest(chat(server.baseUrl("http"), true, 4)));
        }
    }

    @Test
    void eventsSplitAcrossNetworkChunksAreStampedWhenTheirLastByteArrives() {
        RequestRecord record = exchange(ScriptedHttpServer.sseResponse(
                "data: {\"n\":1}\n", "\ndata: {\"n\"", ":2}\r\n\r", "\ndata: [DONE]\n\n"));

        assertThat(record.error()).isNull();
        assertThat(record.responses()).extracting(InferenceResponse::text)
                .containsExactly("{\"n\":1}", "{\"n\":2}", "[DONE]");
        List<InferenceResponse> responses = record.responses();
        // pieces are 20 ms apart: event 1 completes in piece 2, events 2 and 3 both in piece 4
        assertThat(responses.get(0).perfNs() - record.recvStartPerfNs()).isGreaterThanOrEqualTo(35_000_000L);
        assertThat(responses.get(1).perfNs() - responses.get(0).perfNs()).isGreaterThanOrEqualTo(35_000_000L);
        assertThat(responses.get(2).perfNs()).isEqualTo(responses.get(1).perfNs());
    }

    @Test
    void anSseErrorEventEndsTheRequestWith502AndItsComment() {
        RequestRecord record = exchange(ScriptedHttpServer.sseResponse(
                "data: {\"n\":1}\n\n", "event: error\n: upstream model crashed\n\n", "data: {\"n\":2}\n\n"));

        assertThat(record.error().code()).isEqualTo(502);
        assertThat(record.error().type()).isEqualTo("SSEResponseError");
        assertThat(record.error().message()).isEqualTo("Error occurred in SSE response: upstream model crashed");
        assertThat(record.responses()).extracting(InferenceResponse::text).containsExactly("{\"n\":1}");
    }

    @Test
    void aTrailingEventWithoutItsBlankLineIsKept() {
        RequestRecord record = exchange(ScriptedHttpServer.sseResponse("data: a\n\n", "data: tail"));

        assertThat(record.error()).isNull();
        assertThat(record.responses()).extracting(InferenceResponse::text).containsExactly("a", "tail");
        assertThat(record.responses().get(1).perfNs()).isLessThanOrEqualTo(record.endPerfNs());
    }

    @Test
    void aBodyDelimitedByConnectionCloseIsOneTextResponse() {
        RequestRecord record = exchange(List.of(
                new Write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"a\":"),
                new Pause(20), new Write("1}"), new Close()));

        assertThat(record.error()).isNull();
        assertThat(record.responses()).singleElement().satisfies(response -> {
            assertThat(response.kind()).isEqualTo(InferenceResponse.Kind.TEXT);
            assertThat(response.text()).isEqualTo("{\"a\":1}");
        });
    }

    @Test
    void theContentTypeNotTheRequestDecidesSse() {
        RequestRecord record = exchange(List.of(new Write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream;"
                + " charset=utf-8\r\nContent-Length: 20\r\n\r\ndata: one\n\ndata: two")));

        assertThat(record.responses()).extracting(InferenceResponse::text).containsExactly("one", "two");
    }

    @Test
    void anInformationalResponseIsSkippedForTheRealOne() {
        RequestRecord record = exchange(List.of(new Write("HTTP/1.1 100 Continue\r\n\r\n"), new Pause(10),
                new Write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")));

        assertThat(record.error()).isNull();
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.responses()).extracting(InferenceResponse::text).containsExactly("{}");
    }

    @Test
    void garbageInsteadOfHttpIsAnErrorRecord() {
        RequestRecord record = exchange(List.of(new Write("this is not HTTP\r\n\r\n"), new Close()));

        assertThat(record.error().type()).isEqualTo("InvalidHttpResponse");
        assertThat(record.error().message()).startsWith("Invalid HTTP response from http://127.0.0.1:")
                .contains("invalid version format");
    }

    @Test
    void aServerThatClosesBeforeAnsweringIsADisconnect() {
        RequestRecord record = exchange(List.of(new Close()));

        assertThat(record.error().type()).isEqualTo("ServerDisconnected");
        assertThat(record.error().message()).contains("before sending a response");
    }
}
