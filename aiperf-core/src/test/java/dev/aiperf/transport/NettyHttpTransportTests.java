package dev.aiperf.transport;

import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.transport.TransportRequest;
import dev.aiperf.endpoint.ChatEndpoint;
import dev.aiperf.endpoint.Endpoints;
import dev.aiperf.endpoint.TestConfig;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.testkit.ClosedPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static dev.aiperf.transport.TransportFixtures.await;
import static dev.aiperf.transport.TransportFixtures.chat;
import static dev.aiperf.transport.TransportFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

/** The transport against the real mock server on 127.0.0.1. */
class NettyHttpTransportTests {

    private static MockServer mock;

    @BeforeAll
    static void startMock() {
        mock = MockServer.start(MockServerConfig.builder().port(0).ttftMs(10).itlMs(1).workers(2).build());
    }

    @AfterAll
    static void stopMock() {
        mock.close();
    }

    private static MockServer faultyMock(MockServerConfig.Builder builder) {
        return MockServer.start(builder.port(0).fast(true).workers(1).build());
    }

    @Test
    void streamingResponsesAreTimestampedInOrderBetweenStartAndEnd() {
        try (NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            long before = System.nanoTime();

            RequestRecord record = await(transport.sendRequest(chat(mock.baseUrl(), true, 20)));

            assertThat(record.error()).isNull();
            assertThat(record.status()).isEqualTo(200);
            assertThat(record.model()).isEqualTo("test-model");
            assertThat(record.startPerfNs()).isGreaterThanOrEqualTo(before);
            assertThat(record.recvStartPerfNs()).isGreaterThan(record.startPerfNs());
            List<InferenceResponse> responses = record.responses();
            assertThat(responses).allSatisfy(r -> assertThat(r.kind()).isEqualTo(InferenceResponse.Kind.SSE));
            assertThat(responses.get(0).perfNs()).isGreaterThanOrEqualTo(record.recvStartPerfNs());
            for (int i = 1; i < responses.size(); i++) {
                assertThat(responses.get(i).perfNs()).isGreaterThanOrEqualTo(responses.get(i - 1).perfNs());
            }
            assertThat(record.endPerfNs()).isGreaterThanOrEqualTo(responses.get(responses.size() - 1).perfNs());
            assertThat(responses.get(responses.size() - 1).text()).isEqualTo("[DONE]");
            assertThat(Math.abs(record.timestampNs() / 1_000_000 - System.currentTimeMillis())).isLessThan(60_000);
            ChatEndpoint endpoint = Endpoints.chat(new TestConfig().build());
            List<ParsedResponse> content = responses.stream().map(endpoint::parseResponse)
                    .filter(Objects::nonNull).filter(ParsedResponse::hasContent).toList();
            assertThat(content).hasSize(20);
        }
    }

    @Test
    void aNonStreamingBodyIsOneTextResponseStampedWhenComplete() {
        try (NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            RequestRecord record = await(transport.sendRequest(chat(mock.baseUrl(), false, 8)));

            assertThat(record.error()).isNull();
            assertThat(record.responses()).singleElement().satisfies(response -> {
                assertThat(response.kind()).isEqualTo(InferenceResponse.Kind.TEXT);
                assertThat(response.text()).contains("\"chat.completion\"");
                assertThat(response.perfNs()).isBetween(record.recvStartPerfNs(), record.endPerfNs());
            });
            ParsedResponse parsed = Endpoints.chat(new TestConfig().build()).parseResponse(record.responses().get(0));
            assertThat(parsed.hasContent()).isTrue();
        }
    }

    @Test
    void sequentialRequestsReuseOneKeepAliveConnection() {
        try (NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            for (int i = 0; i < 5; i++) {
                assertThat(await(transport.sendRequest(chat(mock.baseUrl(), i % 2 == 0, 4))).error()).isNull();
            }

            assertThat(transport.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void hundredsOfConcurrentStreamsCompleteOnTwoIoThreads() {
        try (NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            List<CompletableFuture<RequestRecord>> futures = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                futures.add(transport.sendRequest(chat(mock.baseUrl(), true, 10)));
            }

            for (CompletableFuture<RequestRecord> future : futures) {
                RequestRecord record = await(future);
                assertThat(record.error()).isNull();
                assertThat(record.responses()).hasSizeGreaterThan(10);
            }
            assertThat(transport.connectionsOpened()).isBetween(1L, 300L);
        }
    }

    @Test
    void twoThousandConcurrentStreamsPrintTheirThroughput() {
        int requests = 2000;
        try (MockServer fast = faultyMock(MockServerConfig.builder().workers(2));
             NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            long start = System.nanoTime();
            List<CompletableFuture<RequestRecord>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(transport.sendRequest(chat(fast.baseUrl(), true, 50)));
            }
            long events = 0;
            for (CompletableFuture<RequestRecord> future : futures) {
                RequestRecord record = await(future);
                assertThat(record.error()).isNull();
                events += record.responses().size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            System.out.printf("transport: %d concurrent streaming requests, %d SSE events over %d connections in"
                    + " %.2f s (%.0f requests/s, %.0f events/s)%n", requests, events, transport.connectionsOpened(),
                    seconds, requests / seconds, events / seconds);
            assertThat(events).isGreaterThanOrEqualTo(requests * 50L);
        }
    }

    @Test
    void aNon200StatusIsAnErrorWithItsReasonAndBody() {
        try (MockServer failing = faultyMock(MockServerConfig.builder().faultStatus(503));
             NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            RequestRecord record = await(transport.sendRequest(chat(failing.baseUrl(), true, 4)));

            assertThat(record.status()).isEqualTo(503);
            assertThat(record.error().code()).isEqualTo(503);
            assertThat(record.error().type()).isEqualTo("Service Unavailable");
            assertThat(record.error().message()).contains("Simulated status 503");
            assertThat(record.responses()).isEmpty();
            // the error body was read to its end, so the connection stays usable
            assertThat(await(transport.sendRequest(chat(failing.baseUrl(), true, 4))).error().code()).isEqualTo(503);
            assertThat(transport.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedConnectionIsAConnectionError() throws IOException {
        try (ClosedPort down = ClosedPort.open();
             NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            RequestRecord record = await(transport.sendRequest(chat(down.url(), true, 4)));

            assertThat(record.error().type()).isEqualTo("ConnectionError");
            assertThat(record.error().message()).contains("Cannot connect to http://127.0.0.1:" + down.port())
                    .containsIgnoringCase("refused");
            assertThat(record.status()).isZero();
            assertThat(record.recvStartPerfNs()).isNull();
            assertThat(record.endPerfNs()).isGreaterThanOrEqualTo(record.startPerfNs());
        }
    }

    @Test
    void aServerClosingMidStreamIsADisconnectError() {
        try (MockServer truncating = faultyMock(MockServerConfig.builder().faultTruncateStreamAfter(3));
             NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            RequestRecord record = await(transport.sendRequest(chat(truncating.baseUrl(), true, 20)));

            assertThat(record.error().type()).isEqualTo("ServerDisconnected");
            assertThat(record.error().message()).contains("in the middle of the response");
            assertThat(record.responses()).isNotEmpty().hasSizeLessThan(20);
            assertThat(record.status()).isEqualTo(200);
        }
    }

    @Test
    void aStalledStreamFailsWithAReadTimeout() {
        try (MockServer stalling = faultyMock(MockServerConfig.builder().faultStallAfterHeaders(true));
             NettyHttpTransport transport = new NettyHttpTransport(settings(HttpTransportSettings.POOLED,
                     Duration.ofSeconds(20), Duration.ofMillis(300), true))) {
            RequestRecord record = await(transport.sendRequest(chat(stalling.baseUrl(), true, 4)));

            assertThat(record.error().type()).isEqualTo("ReadTimeout");
            assertThat(record.error().message()).contains("0.300 s");
            assertThat(record.recvStartPerfNs()).isNotNull();
            assertThat(record.endPerfNs() - record.recvStartPerfNs()).isGreaterThanOrEqualTo(300_000_000L);
        }
    }

    @Test
    void theTotalRequestTimeoutBoundsAStalledRequest() {
        try (MockServer stalling = faultyMock(MockServerConfig.builder().faultStallAfterHeaders(true));
             NettyHttpTransport transport = new NettyHttpTransport(settings(HttpTransportSettings.POOLED,
                     Duration.ofMillis(400), Duration.ofSeconds(20), true))) {
            RequestRecord record = await(transport.sendRequest(chat(stalling.baseUrl(), false, 4)));

            assertThat(record.error().type()).isEqualTo("RequestTimeout");
            assertThat(record.error().message()).contains("--request-timeout-seconds");
        }
    }

    @Test
    void neverReuseOpensAConnectionPerRequest() {
        try (NettyHttpTransport transport = new NettyHttpTransport(settings(HttpTransportSettings.NEVER,
                Duration.ofSeconds(20), Duration.ofSeconds(20), true))) {
            for (int i = 0; i < 3; i++) {
                assertThat(await(transport.sendRequest(chat(mock.baseUrl(), true, 4))).error()).isNull();
            }

            assertThat(transport.connectionsOpened()).isEqualTo(3);
        }
    }

    @Test
    void stickySessionsKeepOneConnectionPerSessionUntilTheFinalTurn() {
        Turn turn = new Turn(null, null, null, null, 4, List.of(new Turn.Text("text", List.of("hello there"))));
        Conversation first = new Conversation("session_a", List.of(turn, turn, turn), null, null);
        Conversation second = new Conversation("session_b", List.of(turn, turn), null, null);
        try (NettyHttpTransport transport = new NettyHttpTransport(settings(HttpTransportSettings.STICKY,
                Duration.ofSeconds(20), Duration.ofSeconds(20), true))) {
            for (Conversation conversation : List.of(first, second)) {
                for (int t = 0; t < conversation.turns().size(); t++) {
                    TransportRequest request = chat(mock.baseUrl(), true, conversation, t);
                    assertThat(await(transport.sendRequest(request)).error()).isNull();
                }
            }

            assertThat(transport.connectionsOpened()).isEqualTo(2);
        }
    }

    @Test
    void aClosedTransportAnswersWithAnErrorRecord() {
        NettyHttpTransport transport = new NettyHttpTransport(settings());
        transport.close();

        RequestRecord record = await(transport.sendRequest(chat(mock.baseUrl(), true, 4)));

        assertThat(record.error().type()).isEqualTo("TransportClosed");
    }

    @Test
    void requestsInFlightWhenTheTransportClosesEndAsTransportClosed() {
        try (MockServer stalling = faultyMock(MockServerConfig.builder().faultStallAfterHeaders(true))) {
            NettyHttpTransport transport = new NettyHttpTransport(settings());
            CompletableFuture<RequestRecord> inFlight = transport.sendRequest(chat(stalling.baseUrl(), true, 4));
            await(CompletableFuture.runAsync(() -> {
                while (transport.connectionsOpened() == 0) {
                    Thread.onSpinWait();
                }
            }).thenApply(ignored -> null));

            transport.close();

            assertThat(await(inFlight).error().type()).isEqualTo("TransportClosed");
        }
    }

    /** Issue #3: a cancelled request's connection stayed open, and its pool slot taken, until the transport closed. */
    @Test
    void cancellingARequestClosesItsConnectionAndFreesItsPoolSlot() {
        List<ScriptedHttpServer.Step> headersThenSilence = List.of(new ScriptedHttpServer.Write(
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"),
                new ScriptedHttpServer.Pause(60_000));
        HttpTransportSettings oneConnection = new HttpTransportSettings(Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofSeconds(60), Duration.ofSeconds(60), 1, true, HttpTransportSettings.POOLED, 2);
        try (ScriptedHttpServer server = new ScriptedHttpServer(headersThenSilence);
             NettyHttpTransport transport = new NettyHttpTransport(oneConnection)) {
            CompletableFuture<RequestRecord> stalled = transport.sendRequest(chat(server.baseUrl("http"), true, 4));
            eventually(() -> server.requests() == 1, "the server received the request");

            assertThat(stalled.cancel(true)).isTrue();

            eventually(() -> server.closedConnections() == 1, "the cancelled request's connection is closed");
            CompletableFuture<RequestRecord> next = transport.sendRequest(chat(server.baseUrl("http"), true, 4));
            eventually(() -> server.requests() == 2, "the next request gets the only pool slot");
            assertThat(transport.connectionsOpened()).isEqualTo(2);
            assertThat(next.cancel(true)).isTrue();
            eventually(() -> server.closedConnections() == 2, "the second connection is closed too");
        }
    }

    @Test
    void anExchangeLeavesTheInFlightSetHoweverItsFutureCompletes() {
        List<ScriptedHttpServer.Step> headersThenSilence = List.of(new ScriptedHttpServer.Write(
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"),
                new ScriptedHttpServer.Pause(60_000));
        try (ScriptedHttpServer silent = new ScriptedHttpServer(headersThenSilence);
             NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            RequestRecord answered = await(transport.sendRequest(chat(mock.baseUrl(), true, 4)));
            assertThat(answered.error()).isNull();
            CompletableFuture<RequestRecord> cancelled = transport.sendRequest(chat(silent.baseUrl("http"), true, 4));
            CompletableFuture<RequestRecord> keptWhatArrived = transport.sendRequest(chat(silent.baseUrl("http"), true, 4));
            eventually(() -> silent.requests() == 2, "the silent server received both requests");
            assertThat(transport.exchangesInFlight()).isEqualTo(2);

            assertThat(cancelled.cancel(true)).isTrue();
            transport.cancel(keptWhatArrived);
            assertThat(await(keptWhatArrived).cancellationPerfNs()).isNotNull();

            eventually(() -> transport.exchangesInFlight() == 0, "every completed exchange left the in-flight set");
        }
    }

    /** Waits (at most 20 s) for something the test caused to happen on another thread. */
    private static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Test
    void anUnsupportedSchemeIsAnErrorRecordNotAnException() {
        TransportRequest valid = chat(mock.baseUrl(), true, 4);
        TransportRequest ftp = new TransportRequest(URI.create("ftp://127.0.0.1/x"), Map.of(), valid.body(),
                valid.requestInfo(), valid.model(), valid.intendedSendPerfNs());
        try (NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            RequestRecord record = await(transport.sendRequest(ftp));

            assertThat(record.error().type()).isEqualTo("InvalidURL");
            assertThat(record.error().message()).contains("http:// and https://");
        }
    }
}
