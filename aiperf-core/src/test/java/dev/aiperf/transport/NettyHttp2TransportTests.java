package dev.aiperf.transport;

import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.transport.TransportRequest;
import dev.aiperf.endpoint.ChatEndpoint;
import dev.aiperf.endpoint.Endpoints;
import dev.aiperf.endpoint.TestConfig;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.mock.MockTls;
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

/** The http2 transport against the real mock server on 127.0.0.1: h2c with prior knowledge, and h2 over TLS. */
class NettyHttp2TransportTests {

    private static MockServer cleartext;
    private static MockServer secure;

    @BeforeAll
    static void startMocks() {
        MockServerConfig config = MockServerConfig.builder().port(0).ttftMs(10).itlMs(1).workers(2).build();
        cleartext = MockServer.start(config);
        secure = MockServer.start(config, MockTls.selfSigned());
    }

    @AfterAll
    static void stopMocks() {
        cleartext.close();
        secure.close();
    }

    private static HttpTransportSettings unverified() {
        return settings(HttpTransportSettings.POOLED, Duration.ofSeconds(20), Duration.ofSeconds(20), false);
    }

    private static MockServer faultyMock(MockServerConfig.Builder builder) {
        return MockServer.start(builder.port(0).fast(true).workers(1).build());
    }

    @Test
    void streamingOverH2cIsTimestampedAndParsedLikeHttp1() {
        try (NettyHttp2Transport transport = new NettyHttp2Transport(settings())) {
            long before = System.nanoTime();

            RequestRecord record = await(transport.sendRequest(chat(cleartext.baseUrl(), true, 20)));

            assertStreamedChat(record, before, 20);
            assertThat(transport.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void streamingOverTlsNegotiatesH2ByAlpn() {
        try (NettyHttp2Transport transport = new NettyHttp2Transport(unverified())) {
            long before = System.nanoTime();

            RequestRecord record = await(transport.sendRequest(chat(secure.baseUrl(), true, 20)));

            assertThat(secure.baseUrl()).startsWith("https://");
            assertStreamedChat(record, before, 20);
        }
    }

    @Test
    void anUntrustedCertificateFailsWithAnSslError() {
        try (NettyHttp2Transport transport = new NettyHttp2Transport(settings())) {
            RequestRecord record = await(transport.sendRequest(chat(secure.baseUrl(), true, 4)));

            assertThat(record.error().type()).isEqualTo("SSLError");
            assertThat(record.error().message()).contains("TLS handshake with https://127.0.0.1")
                    .containsIgnoringCase("certif");
        }
    }

    @Test
    void h2cAndH2SchemesNameTheTransportsProtocolsToo() {
        try (NettyHttp2Transport transport = new NettyHttp2Transport(unverified())) {
            String h2c = cleartext.baseUrl().replace("http://", "h2c://");
            String h2 = secure.baseUrl().replace("https://", "h2://");

            assertThat(await(transport.sendRequest(chat(h2c, true, 4))).error()).isNull();
            assertThat(await(transport.sendRequest(chat(h2, true, 4))).error()).isNull();
            assertThat(transport.connectionsOpened()).isEqualTo(2);
        }
    }

    @Test
    void aNonStreamingBodyIsOneTextResponseOverBothProtocols() {
        try (NettyHttp2Transport transport = new NettyHttp2Transport(unverified())) {
            for (MockServer server : List.of(cleartext, secure)) {
                RequestRecord record = await(transport.sendRequest(chat(server.baseUrl(), false, 8)));

                assertThat(record.error()).isNull();
                assertThat(record.status()).isEqualTo(200);
                assertThat(record.responses()).singleElement().satisfies(response -> {
                    assertThat(response.kind()).isEqualTo(InferenceResponse.Kind.TEXT);
                    assertThat(response.text()).startsWith("{").contains("\"choices\"").endsWith("}");
                    assertThat(response.perfNs()).isGreaterThanOrEqualTo(record.recvStartPerfNs());
                });
                assertThat(record.endPerfNs()).isEqualTo(record.responses().getFirst().perfNs());
            }
        }
    }

    @Test
    void hundredsOfConcurrentStreamsShareAFewConnections() {
        try (MockServer slow = MockServer.start(MockServerConfig.builder().port(0).ttftMs(200).itlMs(1).workers(2)
                .build());
             NettyHttp2Transport transport = new NettyHttp2Transport(settings())) {
            List<CompletableFuture<RequestRecord>> futures = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                futures.add(transport.sendRequest(chat(slow.baseUrl(), true, 8)));
            }
            List<RequestRecord> records = futures.stream().map(TransportFixtures::await).toList();

            assertThat(records).allSatisfy(record -> {
                assertThat(record.error()).isNull();
                assertThat(record.responses()).last().extracting(InferenceResponse::text).isEqualTo("[DONE]");
            });
            // The mock allows 100 concurrent streams per connection: 250 at once need exactly three.
            assertThat(transport.connectionsOpened()).isEqualTo(3);
            // Later requests reuse those connections.
            assertThat(await(transport.sendRequest(chat(slow.baseUrl(), true, 4))).error()).isNull();
            assertThat(transport.connectionsOpened()).isEqualTo(3);
        }
    }

    @Test
    void preconnectOpensAsManyConnectionsAsTheStreamsNeedAtTheServersLimit() throws Exception {
        try (NettyHttp2Transport transport = new NettyHttp2Transport(settings())) {
            int ready = transport.preconnect(URI.create(cleartext.baseUrl()), 250).get(20, TimeUnit.SECONDS);

            assertThat(ready).isEqualTo(3);
            assertThat(transport.connectionsOpened()).isEqualTo(3);
            assertThat(await(transport.sendRequest(chat(cleartext.baseUrl(), true, 4))).error()).isNull();
            assertThat(transport.connectionsOpened()).isEqualTo(3);
        }
    }

    @Test
    void cancellingAStreamResetsItAndKeepsTheConnection() {
        try (MockServer slow = MockServer.start(MockServerConfig.builder().port(0).ttftMs(0).itlMs(20).workers(1)
                .build());
             NettyHttp2Transport transport = new NettyHttp2Transport(settings())) {
            CompletableFuture<RequestRecord> streaming = transport.sendRequest(chat(slow.baseUrl(), true, 500));
            CompletableFuture<RequestRecord> neighbour = transport.sendRequest(chat(slow.baseUrl(), true, 50));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));

            assertThat(streaming.cancel(true)).isTrue();
            eventually(() -> transport.openStreams() == 1, "the cancelled stream is reset, its neighbour goes on");

            RequestRecord survivor = await(neighbour);
            assertThat(survivor.error()).isNull();
            assertThat(await(transport.sendRequest(chat(slow.baseUrl(), true, 3))).error()).isNull();
            assertThat(transport.connectionsOpened()).isEqualTo(1);
            assertThat(streaming).isCancelled();
            // The codec closes a finished stream right after its last frame was handed to us.
            eventually(() -> transport.openStreams() == 0, "no stream is left open");
        }
    }

    @Test
    void aNon200StatusIsTheSameErrorAsOverHttp1() {
        try (MockServer failing = faultyMock(MockServerConfig.builder().faultStatus(503));
             NettyHttp2Transport h2 = new NettyHttp2Transport(settings());
             NettyHttpTransport h1 = new NettyHttpTransport(settings())) {
            RequestRecord overH2 = await(h2.sendRequest(chat(failing.baseUrl(), true, 4)));
            RequestRecord overH1 = await(h1.sendRequest(chat(failing.baseUrl(), true, 4)));

            assertThat(overH2.status()).isEqualTo(503);
            assertThat(overH2.error()).isEqualTo(overH1.error());
            assertThat(overH2.error().type()).isEqualTo("Service Unavailable");
            assertThat(overH2.error().message()).contains("Simulated status 503");
            assertThat(overH2.responses()).isEmpty();
            assertThat(await(h2.sendRequest(chat(failing.baseUrl(), false, 4))).error().code()).isEqualTo(503);
            assertThat(h2.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void aStreamResetMidResponseIsAnError() {
        try (MockServer truncating = faultyMock(MockServerConfig.builder().faultTruncateStreamAfter(3));
             NettyHttp2Transport transport = new NettyHttp2Transport(settings())) {
            RequestRecord record = await(transport.sendRequest(chat(truncating.baseUrl(), true, 20)));

            assertThat(record.error().type()).isEqualTo("StreamReset");
            assertThat(record.error().message()).contains("in the middle of the response");
            assertThat(record.responses()).isNotEmpty().hasSizeLessThan(20);
            assertThat(record.status()).isEqualTo(200);
        }
    }

    @Test
    void aStalledStreamFailsWithAReadTimeoutAndARequestTimeout() {
        try (MockServer stalling = faultyMock(MockServerConfig.builder().faultStallAfterHeaders(true));
             NettyHttp2Transport readLimited = new NettyHttp2Transport(settings(HttpTransportSettings.POOLED,
                     Duration.ofSeconds(20), Duration.ofMillis(300), true));
             NettyHttp2Transport totalLimited = new NettyHttp2Transport(settings(HttpTransportSettings.POOLED,
                     Duration.ofMillis(400), Duration.ofSeconds(20), true))) {
            RequestRecord read = await(readLimited.sendRequest(chat(stalling.baseUrl(), true, 4)));
            RequestRecord total = await(totalLimited.sendRequest(chat(stalling.baseUrl(), false, 4)));

            assertThat(read.error().type()).isEqualTo("ReadTimeout");
            assertThat(read.error().message()).contains("0.300 s");
            assertThat(read.endPerfNs() - read.recvStartPerfNs()).isGreaterThanOrEqualTo(300_000_000L);
            assertThat(total.error().type()).isEqualTo("RequestTimeout");
            assertThat(total.error().message()).contains("--request-timeout-seconds");
        }
    }

    @Test
    void aRefusedConnectionIsAConnectionError() throws IOException {
        try (ClosedPort down = ClosedPort.open();
             NettyHttp2Transport transport = new NettyHttp2Transport(settings())) {
            RequestRecord record = await(transport.sendRequest(chat(down.url(), true, 4)));

            assertThat(record.error().type()).isEqualTo("ConnectionError");
            assertThat(record.error().message()).contains("Cannot connect to http://127.0.0.1:" + down.port());
            assertThat(record.recvStartPerfNs()).isNull();
        }
    }

    @Test
    void anHttp1OnlyServerIsAClearError() {
        try (ScriptedHttpServer http1 = new ScriptedHttpServer(ScriptedHttpServer.sseResponse("data: [DONE]\n\n"));
             NettyHttp2Transport transport = new NettyHttp2Transport(settings())) {
            RequestRecord record = await(transport.sendRequest(chat(http1.baseUrl("http"), true, 4)));

            assertThat(record.error().type()).isEqualTo("ConnectionError");
            assertThat(record.error().message()).contains("Cannot start HTTP/2 with http://127.0.0.1")
                    .contains("prior knowledge");
        }
    }

    @Test
    void aClosedTransportAnswersWithAnErrorRecord() {
        NettyHttp2Transport transport = new NettyHttp2Transport(settings());
        transport.close();

        assertThat(await(transport.sendRequest(chat(cleartext.baseUrl(), true, 4))).error().type())
                .isEqualTo("TransportClosed");
    }

    @Test
    void requestsInFlightWhenTheTransportClosesEndAsTransportClosed() {
        try (MockServer stalling = faultyMock(MockServerConfig.builder().faultStallAfterHeaders(true))) {
            NettyHttp2Transport transport = new NettyHttp2Transport(settings());
            CompletableFuture<RequestRecord> inFlight = transport.sendRequest(chat(stalling.baseUrl(), true, 4));
            eventually(() -> transport.connectionsOpened() == 1, "the connection is opening");

            transport.close();

            assertThat(await(inFlight).error().type()).isEqualTo("TransportClosed");
        }
    }

    @Test
    void anUnsupportedSchemeIsAnErrorRecordNotAnException() {
        TransportRequest valid = chat(cleartext.baseUrl(), true, 4);
        TransportRequest ftp = new TransportRequest(URI.create("ftp://127.0.0.1/x"), Map.of(), valid.body(),
                valid.requestInfo(), valid.model(), valid.intendedSendPerfNs());
        try (NettyHttp2Transport transport = new NettyHttp2Transport(settings())) {
            RequestRecord record = await(transport.sendRequest(ftp));

            assertThat(record.error().type()).isEqualTo("InvalidURL");
            assertThat(record.error().message()).contains("h2c://");
        }
    }

    private static void assertStreamedChat(RequestRecord record, long before, int tokens) {
        assertThat(record.error()).isNull();
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.startPerfNs()).isGreaterThanOrEqualTo(before);
        assertThat(record.recvStartPerfNs()).isGreaterThan(record.startPerfNs());
        List<InferenceResponse> responses = record.responses();
        assertThat(responses).allSatisfy(r -> assertThat(r.kind()).isEqualTo(InferenceResponse.Kind.SSE));
        assertThat(responses.getFirst().perfNs()).isGreaterThanOrEqualTo(record.recvStartPerfNs());
        for (int i = 1; i < responses.size(); i++) {
            assertThat(responses.get(i).perfNs()).isGreaterThanOrEqualTo(responses.get(i - 1).perfNs());
        }
        assertThat(record.endPerfNs()).isGreaterThanOrEqualTo(responses.getLast().perfNs());
        assertThat(responses.getLast().text()).isEqualTo("[DONE]");
        ChatEndpoint endpoint = Endpoints.chat(new TestConfig().build());
        List<ParsedResponse> content = responses.stream().map(endpoint::parseResponse)
                .filter(Objects::nonNull).filter(ParsedResponse::hasContent).toList();
        assertThat(content).hasSize(tokens);
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
}
