package dev.aiperf.transport;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.endpoint.TestConfig;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static dev.aiperf.transport.TransportFixtures.await;
import static dev.aiperf.transport.TransportFixtures.chat;
import static dev.aiperf.transport.TransportFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

/** What the transport tells about the client's own timing, against the real mock server on 127.0.0.1. */
class ClientTimingTransportTests {

    private static MockServer mock;

    @BeforeAll
    static void startMock() {
        mock = MockServer.start(MockServerConfig.builder().port(0).ttftMs(30).itlMs(2).workers(1).build());
    }

    @AfterAll
    static void stopMock() {
        mock.close();
    }

    @Test
    void everyEventCarriesTheMocksSendStampBetweenTheClientsSendAndItsArrival() {
        try (NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            RequestRecord record = await(transport.sendRequest(chat(mock.baseUrl(), true, 10)));

            assertThat(record.error()).isNull();
            List<InferenceResponse> responses = record.responses();
            assertThat(responses).hasSize(11); // 10 tokens and [DONE]: the stamp comments are no events of their own
            assertThat(responses).allSatisfy(r -> {
                assertThat(r.hasServerSentNs()).isTrue();
                assertThat(r.serverSentNs()).isBetween(record.startPerfNs(), r.perfNs());
            });
            assertThat(responses.getFirst().serverSentNs() - record.startPerfNs())
                    .as("the mock sends the first token after its TTFT").isGreaterThanOrEqualTo(30_000_000L);
            assertThat(responses.getFirst().text()).startsWith("{").endsWith("}");
        }
    }

    @Test
    void aRequestThatWaitsForAConnectionReportsTheWaitAndCountsItsLatencyFromTheSend() {
        HttpTransportSettings oneConnection = new HttpTransportSettings(Duration.ofSeconds(20), Duration.ofSeconds(5),
                Duration.ofSeconds(20), Duration.ofSeconds(60), 1, true, HttpTransportSettings.POOLED, 1);
        try (NettyHttpTransport transport = new NettyHttpTransport(oneConnection)) {
            CompletableFuture<RequestRecord> first = transport.sendRequest(chat(mock.baseUrl(), true, 5));
            CompletableFuture<RequestRecord> second = transport.sendRequest(chat(mock.baseUrl(), true, 5));
            RequestRecord a = await(first);
            RequestRecord b = await(second);

            assertThat(a.error()).isNull();
            assertThat(b.error()).isNull();
            assertThat(b.handoffPerfNs()).isNotNull();
            assertThat(b.startPerfNs() - b.handoffPerfNs())
                    .as("the second request waited for the only connection until the first was answered")
                    .isGreaterThanOrEqualTo(a.responses().getLast().perfNs() - b.handoffPerfNs());
            assertThat(b.startPerfNs()).isGreaterThanOrEqualTo(a.responses().getLast().perfNs());
            assertThat(b.timestampNs() - a.timestampNs()).as("the wall-clock start moves with the send")
                    .isGreaterThanOrEqualTo((b.startPerfNs() - a.startPerfNs()) - TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Test
    void preconnectOpensIdleConnectionsThatTheRequestsThenReuse() {
        try (NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            int opened = transport.preconnect(URI.create(mock.baseUrl()), 4).join();

            assertThat(opened).isEqualTo(4);
            assertThat(transport.connectionsOpened()).isEqualTo(4);
            List<CompletableFuture<RequestRecord>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(transport.sendRequest(chat(mock.baseUrl(), true, 3)));
            }
            sent.forEach(f -> assertThat(await(f).error()).isNull());
            assertThat(transport.connectionsOpened()).as("no request opened a connection of its own").isEqualTo(4);
        }
    }

    @Test
    void preconnectToANonPoolingStrategyOrAClosedPortOpensNothing() {
        HttpTransportSettings never = settings(HttpTransportSettings.NEVER, Duration.ofSeconds(5),
                Duration.ofSeconds(5), true);
        try (NettyHttpTransport fresh = new NettyHttpTransport(never);
             NettyHttpTransport pooled = new NettyHttpTransport(settings())) {
            assertThat(fresh.preconnect(URI.create(mock.baseUrl()), 4).join()).isZero();
            assertThat(pooled.preconnect(URI.create("http://127.0.0.1:1"), 2).join()).isZero();
        }
    }

    @Test
    void ioThreadProbesReportHowLongTheyWaited() throws InterruptedException {
        try (NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            ConcurrentLinkedQueue<Long> waits = new ConcurrentLinkedQueue<>();
            transport.probeIoThreads(waits::add);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (waits.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(waits).hasSize(2).allSatisfy(w -> assertThat(w).isNotNegative());
        }
    }

    @Test
    void theConnectionLimitFollowsTheConcurrencyAboveTheOriginalsDefault() {
        BenchmarkConfig config = new TestConfig().build();
        assertThat(HttpTransportSettings.defaultConnectionLimit(config.withLoad(concurrency(10_000)))).isEqualTo(10_000);
        assertThat(HttpTransportSettings.from(config.withLoad(concurrency(10_000)), Map.of()).connectionLimit())
                .isEqualTo(10_000);
        assertThat(HttpTransportSettings.from(config.withLoad(concurrency(10_000)),
                Map.of("AIPERF_HTTP_CONNECTION_LIMIT", "100")).connectionLimit()).as("set explicitly").isEqualTo(100);
        assertThat(HttpTransportSettings.defaultConnectionLimit(config.withLoad(concurrency(8)))).isEqualTo(2500);
    }

    private static LoadConfig concurrency(int concurrency) {
        return new LoadConfig("request_rate", concurrency, null, "concurrency_burst", null, 10, null, null, 30, null,
                null);
    }
}
