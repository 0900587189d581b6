package dev.aiperf.transport;

import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.mock.MockTls;
import dev.aiperf.testkit.ClosedPort;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;

import static dev.aiperf.transport.TransportFixtures.await;
import static dev.aiperf.transport.TransportFixtures.chat;
import static dev.aiperf.transport.TransportFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both transports on every I/O engine this machine has ({@code --io-engine}): HTTP/1.1 and HTTP/2, cleartext and
 * TLS (h2 by ALPN), against the real mock server. Native engines not available here are skipped.
 */
class IoEngineTransportTests {

    private static MockServer cleartext;
    private static MockServer secure;

    @BeforeAll
    static void startMocks() {
        MockServerConfig config = MockServerConfig.builder().port(0).ttftMs(1).itlMs(0).workers(1).build();
        cleartext = MockServer.start(config);
        secure = MockServer.start(config, MockTls.selfSigned());
    }

    @AfterAll
    static void stopMocks() {
        cleartext.close();
        secure.close();
    }

    private static HttpTransportSettings on(IoEngine engine) {
        assumeTrue(available(engine), () -> engine + " is not available on this machine");
        return settings(HttpTransportSettings.POOLED, Duration.ofSeconds(20), Duration.ofSeconds(20), false)
                .withIoEngine(engine);
    }

    private static boolean available(IoEngine engine) {
        return switch (engine) {
            case EPOLL -> Epoll.isAvailable();
            case IO_URING -> IoUring.isAvailable();
            default -> true;
        };
    }

    @ParameterizedTest
    @EnumSource(value = IoEngine.class, names = {"NIO", "EPOLL", "IO_URING"})
    void http1StreamsOnEveryEngineInCleartextAndTls(IoEngine engine) {
        try (NettyHttpTransport transport = new NettyHttpTransport(on(engine))) {
            assertThat(transport.ioEngine).isEqualTo(engine);
            assertThat(transport.bootstrap.config().channelFactory().toString())
                    .contains(engine.socketChannelClass().getSimpleName());
            assertStreamed(await(transport.sendRequest(chat(cleartext.baseUrl(), true, 8))), 8);
            assertStreamed(await(transport.sendRequest(chat(cleartext.baseUrl(), true, 8))), 8);
            assertThat(secure.baseUrl()).startsWith("https://");
            assertStreamed(await(transport.sendRequest(chat(secure.baseUrl(), true, 8))), 8);
            assertThat(transport.connectionsOpened()).as("the second cleartext request reused the connection")
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = IoEngine.class, names = {"NIO", "EPOLL", "IO_URING"})
    void http2StreamsOnEveryEngineOverH2cAndAlpn(IoEngine engine) {
        try (NettyHttp2Transport transport = new NettyHttp2Transport(on(engine))) {
            assertThat(transport.ioEngine).isEqualTo(engine);
            assertStreamed(await(transport.sendRequest(chat(cleartext.baseUrl(), true, 8))), 8);
            assertStreamed(await(transport.sendRequest(chat(secure.baseUrl(), true, 8))), 8);
        }
    }

    @ParameterizedTest
    @EnumSource(value = IoEngine.class, names = {"NIO", "EPOLL", "IO_URING"})
    void aRefusedConnectionReadsTheSameOnEveryEngine(IoEngine engine) throws IOException {
        try (ClosedPort down = ClosedPort.open();
             NettyHttpTransport transport = new NettyHttpTransport(on(engine))) {
            RequestRecord record = await(transport.sendRequest(chat(down.url(), true, 4)));

            assertThat(record.error().type()).isEqualTo("ConnectionError");
            assertThat(record.error().message()).as("no native system call named")
                    .startsWith("Cannot connect to http://127.0.0.1:" + down.port() + ": Connection refused")
                    .doesNotContain("(..)");
        }
    }

    @Test
    void autoIsEpollWhereItLoadsAndNioElsewhere() {
        try (NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            assertThat(transport.ioEngine).isEqualTo(Epoll.isAvailable() ? IoEngine.EPOLL : IoEngine.NIO);
        }
        assertThat(IoEngine.NIO.resolve()).isEqualTo(IoEngine.NIO);
    }

    @Test
    void engineNamesAreTheOptionsValues() {
        assertThat(IoEngine.of("epoll")).isEqualTo(IoEngine.EPOLL);
        assertThat(IoEngine.of(" NIO ")).isEqualTo(IoEngine.NIO);
        assertThat(IoEngine.of("io-uring")).isEqualTo(IoEngine.IO_URING);
        assertThat(IoEngine.of("io_uring").optionValue()).isEqualTo("io_uring");
        assertThat(IoEngine.of(null)).isNull();
        assertThatThrownBy(() -> IoEngine.of("kqueue")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--io-engine must be one of auto, nio, epoll, io_uring, got 'kqueue'");
    }

    @Test
    void anUnavailableNativeEngineIsAClearError() {
        IoEngine missing = !Epoll.isAvailable() ? IoEngine.EPOLL : !IoUring.isAvailable() ? IoEngine.IO_URING : null;
        assumeTrue(missing != null, "every engine loads on this machine");
        assertThatThrownBy(missing::resolve).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--io-engine " + missing.optionValue() + " is not available on this machine")
                .hasMessageEndingWith("use --io-engine auto or nio");
    }

    private static void assertStreamed(RequestRecord record, int tokens) {
        assertThat(record.error()).isNull();
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.recvStartPerfNs()).isGreaterThan(record.startPerfNs());
        assertThat(record.responses()).allSatisfy(r -> assertThat(r.kind()).isEqualTo(InferenceResponse.Kind.SSE));
        assertThat(record.responses().getLast().text()).isEqualTo("[DONE]");
        assertThat(record.responses().size()).as("a token event each, then [DONE]").isGreaterThan(tokens);
        assertThat(record.endPerfNs()).isGreaterThanOrEqualTo(record.responses().getLast().perfNs());
    }
}
