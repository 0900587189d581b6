package dev.aiperf.transport;

import dev.aiperf.api.model.RequestRecord;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.aiperf.transport.TransportFixtures.await;
import static dev.aiperf.transport.TransportFixtures.chat;
import static dev.aiperf.transport.TransportFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** https against a loopback server with a self-signed certificate made by the JDK's keytool. */
class TlsTransportTests {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static SslContext serverTls;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "the JDK has no keytool at " + keytool);
        Path store = dir.resolve("server.p12");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        serverTls = SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK).build();
    }

    @Test
    void httpsWorksWhenVerificationIsTurnedOff() {
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                ScriptedHttpServer.sseResponse("data: {\"n\":1}\n\n", "data: [DONE]\n\n"), serverTls);
             NettyHttpTransport transport = new NettyHttpTransport(settings(HttpTransportSettings.POOLED,
                     Duration.ofSeconds(20), Duration.ofSeconds(20), false))) {
            for (int i = 0; i < 3; i++) {
                RequestRecord record = await(transport.sendRequest(chat(server.baseUrl("https"), true, 4)));
                assertThat(record.error()).isNull();
                assertThat(record.responses()).hasSize(2);
            }
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void theTraceOfANewTlsConnectionHasItsHandshake() {
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                ScriptedHttpServer.sseResponse("data: {\"n\":1}\n\n", "data: [DONE]\n\n"), serverTls);
             NettyHttpTransport transport = new NettyHttpTransport(settings(HttpTransportSettings.POOLED,
                     Duration.ofSeconds(20), Duration.ofSeconds(20), false))) {
            RequestRecord first = await(transport.sendRequest(chat(server.baseUrl("https"), true, 4)));
            dev.aiperf.api.model.HttpTrace trace = first.trace();
            assertThat(trace.tlsHandshakeStartPerfNs()).isPositive().isGreaterThan(trace.tcpConnectStartPerfNs());
            assertThat(trace.tlsHandshakeEndPerfNs()).isGreaterThan(trace.tlsHandshakeStartPerfNs())
                    .as("connecting includes the handshake, as the original's").isEqualTo(trace.tcpConnectEndPerfNs())
                    .isLessThanOrEqualTo(trace.requestSendStartPerfNs());
            assertThat(dev.aiperf.metrics.HttpPhases.tlsHandshaking(trace)).isPositive()
                    .isLessThan(dev.aiperf.metrics.HttpPhases.connecting(trace));
            RequestRecord second = await(transport.sendRequest(chat(server.baseUrl("https"), true, 4)));
            assertThat(dev.aiperf.metrics.HttpPhases.tlsHandshaking(second.trace())).isZero();
        }
    }

    @Test
    void http2AgainstAServerThatDoesNotSelectH2ByAlpnIsAClearError() {
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                ScriptedHttpServer.sseResponse("data: [DONE]\n\n"), serverTls);
             NettyHttp2Transport transport = new NettyHttp2Transport(settings(HttpTransportSettings.POOLED,
                     Duration.ofSeconds(20), Duration.ofSeconds(20), false))) {
            RequestRecord record = await(transport.sendRequest(chat(server.baseUrl("https"), true, 4)));

            assertThat(record.error().type()).isEqualTo("HTTP2NotNegotiated");
            assertThat(record.error().message()).contains("did not negotiate HTTP/2 via ALPN")
                    .contains("--transport http");
            assertThat(record.status()).isZero();
            assertThat(record.recvStartPerfNs()).isNull();
        }
    }

    @Test
    void anUntrustedCertificateFailsWithAnSslError() {
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                ScriptedHttpServer.sseResponse("data: [DONE]\n\n"), serverTls);
             NettyHttpTransport transport = new NettyHttpTransport(settings())) {
            RequestRecord record = await(transport.sendRequest(chat(server.baseUrl("https"), true, 4)));

            assertThat(record.error().type()).isEqualTo("SSLError");
            assertThat(record.error().message()).containsIgnoringCase("certif");
            assertThat(record.status()).isZero();
            assertThat(record.recvStartPerfNs()).isNull();
        }
    }
}
