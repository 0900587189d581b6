package dev.aiperf.transport;

import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.aiperf.transport.TransportFixtures.await;
import static dev.aiperf.transport.TransportFixtures.chat;
import static dev.aiperf.transport.TransportFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NettyHttpTransport#cancel}: a stream cut short (Ctrl-C, end of the grace period) completes with
 * the chunks that had arrived and its cancellation time, against the real mock server on loopback, and
 * its connection is given up, not reused.
 */
class CancelKeepingWhatArrivedTests {

    @Test
    void aCancelledStreamKeepsTheChunksThatArrived() throws Exception {
        try (MockServer mock = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(5)
                .itlMs(40).build());
             NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            CompletableFuture<RequestRecord> future = transport.sendRequest(chat(mock.baseUrl(), true, 200));
            TimeUnit.MILLISECONDS.sleep(300); // the first token and a few more, far from all 200
            long beforeCancel = System.nanoTime();
            transport.cancel(future);
            RequestRecord record = await(future);

            assertThat(record.cancellationPerfNs()).isBetween(beforeCancel, System.nanoTime());
            assertThat(record.responses()).hasSizeBetween(2, 100);
            assertThat(record.recvStartPerfNs()).isNotNull();
            assertThat(record.status()).isEqualTo(200);
            assertThat(record.endPerfNs()).isEqualTo(record.responses().getLast().perfNs());
            // the connection was closed, the next request gets a new one and completes
            RequestRecord next = await(transport.sendRequest(chat(mock.baseUrl(), true, 2)));
            assertThat(next.error()).isNull();
            assertThat(transport.connectionsOpened()).isEqualTo(2);
        }
    }

    @Test
    void aRequestToASilentServerCompletesWithNothingReceived() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            CompletableFuture<RequestRecord> future = transport.sendRequest(
                    chat("http://127.0.0.1:" + silent.getLocalPort(), true, 2));
            TimeUnit.MILLISECONDS.sleep(100);
            transport.cancel(future);
            RequestRecord record = await(future);
            assertThat(record.cancellationPerfNs()).isNotNull();
            assertThat(record.error()).isNull(); // the engine gives it the cancellation error and its reason
            assertThat(record.responses()).isEmpty();
            assertThat(record.recvStartPerfNs()).isNull();
        }
    }
}
