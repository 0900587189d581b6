package dev.aiperf.mock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mock's HTTP/2 side, seen by clients that are not ours: the JDK's HttpClient negotiates h2 (or
 * http/1.1) by ALPN on the TLS port; on the cleartext port the HTTP/2 preface gets the server's SETTINGS.
 */
class MockServerHttp2Test {

    private static final String CHAT = "{\"model\":\"m\",\"stream\":true,\"max_tokens\":5,\"ignore_eos\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
    private static MockServer secure;
    private static MockServer cleartext;

    @BeforeAll
    static void start() {
        MockServerConfig config = MockServerConfig.builder().port(0).fast(true).workers(1).build();
        secure = MockServer.start(config, MockTls.selfSigned());
        cleartext = MockServer.start(config);
    }

    @AfterAll
    static void stop() {
        secure.close();
        cleartext.close();
    }

    @Test
    void overTlsTheSamePortSpeaksH2AndHttp1ByAlpn() throws Exception {
        assertThat(secure.baseUrl()).startsWith("https://127.0.0.1:");
        for (HttpClient.Version version : List.of(HttpClient.Version.HTTP_2, HttpClient.Version.HTTP_1_1)) {
            HttpClient client = HttpClient.newBuilder().version(version).sslContext(trustingEverything())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create(secure.baseUrl() + "/v1/chat/completions"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.version()).isEqualTo(version);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(List.of(response.body().strip().split("\n\n"))).hasSizeGreaterThan(5).last()
                    .asString().endsWith("data: [DONE]");
        }
    }

    @Test
    void theCleartextPortAnswersTheHttp2PrefaceWithSettings() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", cleartext.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // an empty SETTINGS frame
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] header = in.readNBytes(9);

            assertThat(header).hasSize(9);
            assertThat(header[3]).as("frame type SETTINGS").isEqualTo((byte) 4);
            int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
            byte[] settings = in.readNBytes(length);
            boolean maxStreams = false;
            for (int i = 0; i + 6 <= settings.length; i += 6) {
                int id = ((settings[i] & 0xff) << 8) | (settings[i + 1] & 0xff);
                int value = ((settings[i + 2] & 0xff) << 24) | ((settings[i + 3] & 0xff) << 16)
                        | ((settings[i + 4] & 0xff) << 8) | (settings[i + 5] & 0xff);
                if (id == 3) { // SETTINGS_MAX_CONCURRENT_STREAMS
                    maxStreams = value == 100;
                }
            }
            assertThat(maxStreams).as("advertises 100 concurrent streams").isTrue();
        }
        // HTTP/1.1 still works on the same port.
        assertThat(new TestClient(cleartext).get("/health").statusCode()).isEqualTo(200);
    }

    private static SSLContext trustingEverything() throws Exception {
        X509TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }
}
