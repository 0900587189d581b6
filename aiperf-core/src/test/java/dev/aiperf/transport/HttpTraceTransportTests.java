package dev.aiperf.transport;

import dev.aiperf.api.model.HttpTrace;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.transport.Transport;
import dev.aiperf.metrics.HttpPhases;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static dev.aiperf.transport.TransportFixtures.await;
import static dev.aiperf.transport.TransportFixtures.chat;
import static dev.aiperf.transport.TransportFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP trace both transports record, against the real mock server over loopback: every phase's stamp in
 * the order the phases happen, a new connection's DNS and connect, reuse after it, chunks and bytes.
 */
class HttpTraceTransportTests {

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(5).itlMs(1).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertPhasesInOrder(HttpTrace t, RequestRecord record) {
        assertThat(t.poolWaitStartPerfNs()).isEqualTo(record.handoffPerfNs());
        assertThat(t.poolWaitEndPerfNs()).isGreaterThanOrEqualTo(t.poolWaitStartPerfNs());
        assertThat(t.requestSendStartPerfNs()).isEqualTo(record.startPerfNs())
                .isGreaterThanOrEqualTo(t.poolWaitEndPerfNs());
        assertThat(t.requestSendEndPerfNs()).isGreaterThanOrEqualTo(t.requestSendStartPerfNs());
        assertThat(t.responseHeadersReceivedPerfNs()).isEqualTo(record.recvStartPerfNs())
                .isGreaterThanOrEqualTo(t.requestSendEndPerfNs());
        assertThat(t.responseReceiveStartPerfNs()).isGreaterThanOrEqualTo(t.responseHeadersReceivedPerfNs());
        assertThat(t.responseReceiveEndPerfNs()).isEqualTo(record.endPerfNs())
                .isGreaterThanOrEqualTo(t.responseReceiveStartPerfNs());
        assertThat(t.requestChunksCount()).isOne();
        assertThat(t.requestBytesTotal()).isEqualTo(TransportFixtures.chat(server.baseUrl(), true, 8).body().length);
        assertThat(t.responseStatusCode()).isEqualTo(200);
        assertThat(t.errorPerfNs()).isZero();
        assertThat(t.remotePort()).isEqualTo(server.port());
        // each SSE event of a slow stream came in its own read: as many chunks as events, or fewer
        assertThat(t.responseChunksCount()).isBetween(1, record.responses().size());
        assertThat(HttpPhases.duration(t)).isEqualTo(t.responseReceiveEndPerfNs() - t.requestSendStartPerfNs());
        assertThat(HttpPhases.waiting(t)).isPositive();
    }

    /** With --export-http-trace: every chunk's stamp and size, agreeing with the counts and the phase stamps. */
    private static void assertChunksKept(HttpTrace t) {
        assertThat(t.responseChunkPerfNs()).hasSize(t.responseChunksCount()).isSorted();
        assertThat(t.responseChunkBytes()).hasSize(t.responseChunksCount());
        assertThat(t.responseChunkPerfNs()[0]).isEqualTo(t.responseReceiveStartPerfNs());
        assertThat(t.responseReceiveEndPerfNs())
                .isGreaterThanOrEqualTo(t.responseChunkPerfNs()[t.responseChunksCount() - 1]);
        assertThat(Arrays.stream(t.responseChunkBytes()).asLongStream().sum()).isEqualTo(t.responseBytesTotal());
        assertThat(t.requestChunkPerfNs()).containsExactly(t.requestSendEndPerfNs());
        assertThat(t.requestChunkBytes()).containsExactly((int) t.requestBytesTotal());
    }

    private static void firstOpensThenReuses(Transport transport, String traceType) {
        RequestRecord first = await(transport.sendRequest(chat(server.baseUrl(), true, 8)));
        assertThat(first.error()).isNull();
        HttpTrace t = first.trace();
        assertThat(t.traceType()).isEqualTo(traceType);
        assertPhasesInOrder(t, first);
        assertThat(t.connectionReused()).as("the first request opens its connection").isFalse();
        assertThat(t.dnsLookupStartPerfNs()).isEqualTo(t.poolWaitEndPerfNs());
        assertThat(t.dnsLookupEndPerfNs()).isEqualTo(t.tcpConnectStartPerfNs())
                .isGreaterThanOrEqualTo(t.dnsLookupStartPerfNs());
        assertThat(t.tcpConnectEndPerfNs()).isGreaterThan(t.tcpConnectStartPerfNs())
                .isLessThanOrEqualTo(t.requestSendStartPerfNs());
        assertThat(t.tlsHandshakeStartPerfNs()).as("cleartext").isZero();
        assertThat(HttpPhases.connecting(t)).isPositive();
        assertThat(t.localIp()).isEqualTo("127.0.0.1");

        RequestRecord second = await(transport.sendRequest(chat(server.baseUrl(), true, 8)));
        HttpTrace reused = second.trace();
        assertPhasesInOrder(reused, second);
        assertThat(reused.connectionReused()).as("kept alive").isTrue();
        assertThat(reused.tcpConnectStartPerfNs()).isZero();
        assertThat(HttpPhases.connecting(reused)).isZero();
        assertThat(HttpPhases.dnsLookup(reused)).isZero();
    }

    @Test
    void http1TracesEveryPhaseOfANewThenAReusedConnection() {
        try (NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            firstOpensThenReuses(transport, "netty-http1");
        }
    }

    @Test
    void http2TracesEveryPhaseOfANewThenAReusedConnection() {
        try (NettyHttp2Transport transport = new NettyHttp2Transport(settings())) {
            firstOpensThenReuses(transport, "netty-http2");
        }
    }

    @Test
    void aRefusedConnectionHasItsErrorStampAndNoSend() {
        try (NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            RequestRecord record = await(transport.sendRequest(chat("http://127.0.0.1:1", true, 8)));
            assertThat(record.error()).isNotNull();
            HttpTrace t = record.trace();
            assertThat(t.errorPerfNs()).isPositive();
            assertThat(t.requestSendStartPerfNs()).isZero();
            assertThat(HttpPhases.sending(t)).isEqualTo(HttpPhases.NONE);
            assertThat(HttpPhases.receiving(t)).isEqualTo(HttpPhases.NONE);
        }
    }

    @Test
    void tracingTurnedOffRecordsNoTraceButTheRequestDetail() {
        HttpTransportSettings base = settings();
        HttpTransportSettings off = new HttpTransportSettings(base.requestTimeout(), base.connectTimeout(),
                base.readTimeout(), base.keepAliveTimeout(), base.connectionLimit(), base.sslVerify(),
                base.reuseStrategy(), base.ioThreads(), false, false);
        try (NettyHttpTransport transport = new NettyHttpTransport(off)) {
            RequestRecord record = await(transport.sendRequest(chat(server.baseUrl(), true, 8)));
            assertThat(record.error()).isNull();
            assertThat(record.trace()).isNull();
            assertThat(record.detail().body()).isNotEmpty();
            assertThat(record.detail().responseContentType()).startsWith("text/event-stream");
        }
    }

    @Test
    void responseHeadersAndChunksAreKeptOnlyWhenExported() {
        HttpTransportSettings base = settings(HttpTransportSettings.POOLED, Duration.ofSeconds(20),
                Duration.ofSeconds(20), true);
        HttpTransportSettings keep = new HttpTransportSettings(base.requestTimeout(), base.connectTimeout(),
                base.readTimeout(), base.keepAliveTimeout(), base.connectionLimit(), base.sslVerify(),
                base.reuseStrategy(), base.ioThreads(), true, true);
        try (NettyHttpTransport transport = new NettyHttpTransport(keep)) {
            RequestRecord record = await(transport.sendRequest(chat(server.baseUrl(), true, 8)));
            HttpTrace t = record.trace();
            assertThat(t.responseHeaders()).containsKey("content-type");
            assertPhasesInOrder(t, record);
            assertChunksKept(t);
        }
        try (NettyHttpTransport transport = new NettyHttpTransport(base)) {
            HttpTrace t = await(transport.sendRequest(chat(server.baseUrl(), true, 8))).trace();
            assertThat(t.responseHeaders()).isNull();
            assertThat(t.responseChunksCount()).as("counted all the same").isPositive();
            assertThat(t.responseChunkPerfNs()).isEmpty();
            assertThat(t.responseChunkBytes()).isEmpty();
            assertThat(t.requestChunkPerfNs()).isEmpty();
        }
    }
}
