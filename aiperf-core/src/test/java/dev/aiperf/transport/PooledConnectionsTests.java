package dev.aiperf.transport;

import dev.aiperf.api.model.HttpTrace;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.metrics.HttpPhases;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.testkit.ClosedPort;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static dev.aiperf.transport.TransportFixtures.await;
import static dev.aiperf.transport.TransportFixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;

/** The keep-alive pool ({@link OriginPool}) behind the {@code pooled} strategy, against the real mock on 127.0.0.1. */
class PooledConnectionsTests {

    private static MockServer mock;

    @BeforeAll
    static void startMock() {
        mock = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(20).itlMs(2).workers(2)
                .build());
    }

    @AfterAll
    static void stopMock() {
        mock.close();
    }

    private static HttpTransportSettings pooled(int limit, Duration requestTimeout, Duration keepAlive) {
        return new HttpTransportSettings(requestTimeout, Duration.ofSeconds(5), requestTimeout, keepAlive, limit, true,
                HttpTransportSettings.POOLED, 2);
    }

    private static OriginPool pool(NettyHttpTransport transport, String baseUrl) {
        return ((PooledConnections) transport.connections()).pool(Origin.of(URI.create(baseUrl)));
    }

    private static void release(OriginPool pool, Channel channel) {
        channel.eventLoop().execute(() -> pool.release(channel, true));
    }

    @Test
    void atTheLimitAnAcquireWaitsUntilItsTimeoutOrUntilAConnectionIsReleased() throws Exception {
        try (NettyHttpTransport transport = new NettyHttpTransport(pooled(1, Duration.ofMillis(300),
                Duration.ofSeconds(60)))) {
            OriginPool pool = pool(transport, mock.baseUrl());
            Channel only = pool.acquire().get(5, TimeUnit.SECONDS);
            assertThat(only.isActive()).isTrue();

            Future<Channel> tooMany = pool.acquire();
            assertThat(tooMany.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(tooMany.cause()).as("the acquire timeout (the request timeout)")
                    .isInstanceOf(TimeoutException.class);
            assertThat(pool.open()).isEqualTo(1);

            Future<Channel> waiting = pool.acquire();
            release(pool, only);
            assertThat(waiting.get(5, TimeUnit.SECONDS)).as("the released connection goes to the waiter")
                    .isSameAs(only);
            release(pool, only);
            eventually(() -> pool.idle() == 1, "the connection is idle again");
            assertThat(pool.acquire().get(5, TimeUnit.SECONDS)).as("reused").isSameAs(only);
            assertThat(transport.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void aRequestWaitingPastTheTimeoutForABusyPoolFailsWithTheLimitInItsMessage() throws Exception {
        try (NettyHttpTransport transport = new NettyHttpTransport(pooled(1, Duration.ofMillis(300),
                Duration.ofSeconds(60)))) {
            Channel held = pool(transport, mock.baseUrl()).acquire().get(5, TimeUnit.SECONDS);

            RequestRecord record = await(transport.sendRequest(chat(mock.baseUrl(), true, 4)));

            assertThat(record.error().type()).isEqualTo("RequestTimeout");
            assertThat(record.error().message()).contains("AIPERF_HTTP_CONNECTION_LIMIT");
            assertThat(held.isActive()).as("the busy connection is left alone").isTrue();
        }
    }

    @Test
    void concurrentRequestsShareTheLimitedConnectionsAndTheWaitShowsAsBlocked() {
        int limit = 2;
        try (NettyHttpTransport transport = new NettyHttpTransport(pooled(limit, Duration.ofSeconds(20),
                Duration.ofSeconds(60)))) {
            List<CompletableFuture<RequestRecord>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(transport.sendRequest(chat(mock.baseUrl(), true, 8)));
            }
            List<HttpTrace> traces = new ArrayList<>();
            for (CompletableFuture<RequestRecord> request : sent) {
                RequestRecord record = await(request);
                assertThat(record.error()).isNull();
                traces.add(record.trace());
            }

            assertThat(transport.connectionsOpened()).isEqualTo(limit);
            assertThat(pool(transport, mock.baseUrl()).open()).isEqualTo(limit);
            assertThat(traces).filteredOn(t -> !t.connectionReused()).as("one request per opened connection")
                    .hasSize(limit).allSatisfy(t -> assertThat(HttpPhases.connecting(t)).isPositive());
            // The six others waited for a connection to come back: blocked is that wait, connecting zero.
            assertThat(traces).filteredOn(HttpTrace::connectionReused).hasSize(8 - limit).allSatisfy(t -> {
                assertThat(HttpPhases.connecting(t)).isZero();
                assertThat(t.poolWaitEndPerfNs()).isGreaterThan(t.poolWaitStartPerfNs());
            });
            // A request waits at least for a whole response (TTFT 20 ms) when all connections are busy.
            assertThat(traces.stream().mapToLong(t -> t.poolWaitEndPerfNs() - t.poolWaitStartPerfNs()).max()
                    .orElseThrow()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Test
    void anIdleConnectionTheServerClosesIsDroppedAndItsSlotFreed() throws Exception {
        List<ScriptedHttpServer.Step> answerThenHangUp = List.of(new ScriptedHttpServer.Write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"),
                new ScriptedHttpServer.Pause(50), new ScriptedHttpServer.Close());
        try (ScriptedHttpServer server = new ScriptedHttpServer(answerThenHangUp);
             NettyHttpTransport transport = new NettyHttpTransport(pooled(1, Duration.ofSeconds(10),
                     Duration.ofSeconds(60)))) {
            String url = server.baseUrl("http");
            assertThat(await(transport.sendRequest(chat(url, false, 4))).error()).isNull();
            OriginPool pool = pool(transport, url);
            eventually(() -> server.closedConnections() == 1 && pool.open() == 0, "the server's close frees the slot");
            assertThat(pool.idle()).as("the closed connection is not kept").isZero();

            RequestRecord second = await(transport.sendRequest(chat(url, false, 4)));

            assertThat(second.error()).isNull();
            assertThat(second.trace().connectionReused()).isFalse();
            assertThat(transport.connectionsOpened()).isEqualTo(2);
        }
    }

    @Test
    void connectionCloseFromTheServerIsNotReused() {
        List<ScriptedHttpServer.Step> closeAfter = List.of(new ScriptedHttpServer.Write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"));
        try (ScriptedHttpServer server = new ScriptedHttpServer(closeAfter);
             NettyHttpTransport transport = new NettyHttpTransport(pooled(1, Duration.ofSeconds(10),
                     Duration.ofSeconds(60)))) {
            String url = server.baseUrl("http");
            assertThat(await(transport.sendRequest(chat(url, false, 4))).error()).isNull();
            assertThat(await(transport.sendRequest(chat(url, false, 4))).error()).isNull();

            assertThat(transport.connectionsOpened()).isEqualTo(2);
            eventually(() -> server.closedConnections() == 2, "the client closes each connection after its response");
            eventually(() -> pool(transport, url).open() == 0, "both slots are freed");
        }
    }

    @Test
    void aRefusedConnectionFreesItsSlot() throws IOException {
        try (ClosedPort down = ClosedPort.open();
             NettyHttpTransport transport = new NettyHttpTransport(pooled(1, Duration.ofSeconds(10),
                Duration.ofSeconds(60)))) {
            String url = down.url();
            for (int i = 0; i < 3; i++) {
                RequestRecord record = await(transport.sendRequest(chat(url, true, 4)));
                assertThat(record.error().type()).as("refused, not waiting for the only slot")
                        .isEqualTo("ConnectionError");
            }
            eventually(() -> pool(transport, url).open() == 0, "no slot is held");
        }
    }

    @Test
    void anIdleConnectionPastTheKeepAliveTimeoutIsClosed() {
        try (NettyHttpTransport transport = new NettyHttpTransport(pooled(4, Duration.ofSeconds(10),
                Duration.ofMillis(200)))) {
            assertThat(await(transport.sendRequest(chat(mock.baseUrl(), true, 4))).error()).isNull();
            OriginPool pool = pool(transport, mock.baseUrl());
            assertThat(transport.connectionsOpened()).isEqualTo(1);

            eventually(() -> pool.open() == 0 && pool.idle() == 0, "the idle connection is closed");
        }
    }

    @Test
    void closingTheTransportFailsWaitersAndClosesIdleConnections() throws Exception {
        NettyHttpTransport transport = new NettyHttpTransport(pooled(2, Duration.ofSeconds(20),
                Duration.ofSeconds(60)));
        OriginPool pool = pool(transport, mock.baseUrl());
        Channel idle = pool.acquire().get(5, TimeUnit.SECONDS);
        Channel busy = pool.acquire().get(5, TimeUnit.SECONDS);
        release(pool, idle);
        eventually(() -> pool.idle() == 1, "one connection is idle");
        CompletableFuture<RequestRecord> waiting = transport.sendRequest(chat(mock.baseUrl(), true, 200));
        Future<Channel> waitingAcquire = pool.acquire(); // takes the idle one, or waits behind the request

        transport.close();

        assertThat(await(waiting).error().type()).isEqualTo("TransportClosed");
        assertThat(waitingAcquire.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(idle.closeFuture().await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(busy.closeFuture().await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.acquire().cause()).as("nothing is handed out after close").isNotNull();
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
