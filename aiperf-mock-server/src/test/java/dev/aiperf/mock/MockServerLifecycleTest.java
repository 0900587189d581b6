package dev.aiperf.mock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MockServerLifecycleTest {

    @Test
    void closeStopsListeningAndReleasesAwaiters() throws Exception {
        MockServer server = MockServer.start(MockServerConfig.builder().port(0).fast(true).build());
        int port = server.port();
        CompletableFuture<Void> awaiter = CompletableFuture.runAsync(() -> {
            try {
                server.awaitClose();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.close();
        awaiter.get(5, TimeUnit.SECONDS);
        server.close(); // twice is fine
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    /** Issue #3: closing the server mid-run left accepted connections open and silent until the client timed out. */
    @ParameterizedTest
    @EnumSource(value = IoTransport.class, names = {"NIO", "AUTO"})
    void closeClosesConnectionsWithRequestsInProgress(IoTransport transport) throws Exception {
        MockServer server = MockServer.start(MockServerConfig.builder().port(0).ttftMs(60_000).transport(transport).build());
        try (Socket idle = new Socket("127.0.0.1", server.port());
             Socket streaming = new Socket("127.0.0.1", server.port())) {
            String body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            streaming.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            streaming.getOutputStream().flush();
            // A keep-alive request on the idle connection proves both connections are accepted before closing.
            idle.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            idle.setSoTimeout(20_000);
            assertThat(new String(idle.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");

            server.close();

            for (Socket client : List.of(idle, streaming)) {
                client.setSoTimeout(20_000); // far beyond what close() may take; a timeout here means the connection hung
                assertThat(readUntilClosed(client)).as("the server closed the connection").isTrue();
            }
        } finally {
            server.close();
        }
    }

    /** Reads until the end of the stream; false if the connection stays open and silent. */
    private static boolean readUntilClosed(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // the rest of whatever the server had written
            }
            return true;
        } catch (SocketTimeoutException silent) {
            return false;
        } catch (IOException reset) {
            return true; // a reset is a close too
        }
    }

    @Test
    void aPortInUseFailsWithTheAddressInTheMessage() {
        try (MockServer first = MockServer.start(MockServerConfig.builder().port(0).build())) {
            assertThatThrownBy(() -> MockServer.start(MockServerConfig.builder().port(first.port()).build()))
                    .isInstanceOf(MockServerStartException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + first.port() + ": ");
        }
    }

    @Test
    void explicitNioTransportWorks() {
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).fast(true)
                .transport(IoTransport.NIO).build())) {
            assertThat(server.transport()).isEqualTo(IoTransport.NIO);
            assertThat(new TestClient(server).get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void autoTransportResolvesToAConcreteOne() {
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).build())) {
            assertThat(server.transport()).isIn(IoTransport.NIO, IoTransport.EPOLL);
        }
    }

    @Test
    void badSettingsNameTheirFlag() {
        assertThatThrownBy(() -> MockServerConfig.builder().errorRatePercent(150).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--error-rate")
                .hasMessageContaining("150");
        assertThatThrownBy(() -> MockServerConfig.builder().port(70_000).build())
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> MockServerConfig.builder().itlMs(-1).build()).hasMessageContaining("--itl");
        assertThatThrownBy(() -> MockServerConfig.builder().faultStatus(42).build())
                .hasMessageContaining("--fault-status");
        assertThatThrownBy(() -> MockServerConfig.builder().faultTruncateStreamAfter(-2).build())
                .hasMessageContaining("--fault-truncate-stream-after");
        assertThatThrownBy(() -> MockServerConfig.builder().faultMalformedJsonRatePercent(101).build())
                .hasMessageContaining("--fault-malformed-json-rate");
        assertThatThrownBy(() -> MockServerConfig.builder().workers(-1).build()).hasMessageContaining("--workers");
    }

    @Test
    void defaultsAreTheOriginalOnes() {
        MockServerConfig defaults = MockServerConfig.defaults();
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8000);
        assertThat(defaults.ttftMs()).isEqualTo(20);
        assertThat(defaults.itlMs()).isEqualTo(5);
        assertThat(defaults.embeddingBaseLatencyMs()).isEqualTo(10);
        assertThat(defaults.embeddingPerInputLatencyMs()).isEqualTo(2);
        assertThat(defaults.errorRatePercent()).isZero();
        assertThat(defaults.faults()).isEqualTo(FaultInjection.NONE);
        assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    }
}
