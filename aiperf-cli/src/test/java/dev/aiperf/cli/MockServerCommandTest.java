package dev.aiperf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.mock.FaultInjection;
import dev.aiperf.mock.IoTransport;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MockServerCommandTest {

    private static final Pattern LISTENING =
            Pattern.compile("Mock server listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static MockServerCommand parse(String... args) {
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void withoutFlagsTheSettingsAreTheDefaults() {
        assertThat(parse().toConfig()).isEqualTo(MockServerConfig.defaults());
    }

    @Test
    void flagsBecomeTheServerSettings() {
        MockServerConfig config = parse("-p", "0", "--host", "localhost", "-t", "7.5", "--itl", "3",
                "--embedding-base-latency", "11", "--embedding-per-input-latency", "0.5", "-f", "--error-rate", "12.5",
                "--random-seed", "99", "-w", "3", "--transport", "NIO", "--model", "a,b", "--model", "c", "-v",
                "--access-logs", "--fault-truncate-stream-after", "4", "--fault-malformed-json-rate", "10",
                "--fault-stall-after-headers", "--fault-status", "503", "--tokenizer", "o200k_base",
                "--tokenizer-revision", "v2", "--tokenizer-trust-remote-code").toConfig();
        assertThat(config).isEqualTo(new MockServerConfig("localhost", 0, 7.5, 3, 11, 0.5, true, 12.5, 99L, 3,
                IoTransport.NIO, true, true, List.of("a", "b", "c"), new FaultInjection(4, 10, true, 503),
                "o200k_base", "v2", 10, 1));
    }

    @Test
    void aBadValueEndsInOneMessageNamingTheFlag() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new MockServerCommand()).setErr(new PrintWriter(err))
                .execute("--port", "0", "--error-rate", "150");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("--error-rate must be a percentage between 0 and 100, got 150.0");

        StringWriter transportErr = new StringWriter();
        assertThat(new CommandLine(new MockServerCommand()).setErr(new PrintWriter(transportErr))
                .execute("--transport", "kqueue")).isEqualTo(2);
        assertThat(transportErr.toString()).contains("'kqueue' is not a transport; valid: auto, nio, epoll");
    }

    @Test
    void aPortInUseIsReportedWithAHint() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int exit = new CommandLine(new MockServerCommand()).setErr(new PrintWriter(err))
                    .execute("--port", String.valueOf(taken.getLocalPort()));
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString())
                    .startsWith("aiperf: error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--port 0");
        }
    }

    @Test
    void runsUntilInterruptedAndPrintsWhereItListens() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(new CommandLine(new MockServerCommand())
                .setOut(new PrintWriter(out, true)).execute("--port", "0", "--fast")));
        runner.start();
        Matcher listening = LISTENING.matcher("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening.reset(out.toString()).find() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(listening.find(0)).as("printed: %s", out).isTrue();
        JsonNode health = get(listening.group(1) + "/health");
        assertThat(health.path("config").path("fast").asBoolean()).isTrue();

        runner.interrupt();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
    }

    @Test
    void readsEnvironmentFallbacksAndStopsCleanlyOnSigterm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AiperfCommand.class.getName(), "mock-server", "--port", "0", "--itl", "3")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("MOCK_SERVER_TTFT", "7");
        builder.environment().put("MOCK_SERVER_ITL", "99");
        builder.environment().put("MOCK_SERVER_FAULT_STATUS", "503");
        Process process = builder.start();
        try (BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = stdout.readLine();
            assertThat(line).isNotNull();
            Matcher listening = LISTENING.matcher(line);
            assertThat(listening.matches()).as("first line: %s", line).isTrue();
            JsonNode config = get(listening.group(1) + "/health").path("config");
            assertThat(config.path("ttftMs").asDouble()).as("from MOCK_SERVER_TTFT").isEqualTo(7.0);
            assertThat(config.path("itlMs").asDouble()).as("the flag wins over MOCK_SERVER_ITL").isEqualTo(3.0);
            assertThat(config.path("faults").path("forcedStatus").asInt()).isEqualTo(503);

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            assertThat(process.exitValue()).isIn(0, 143);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void withTlsItListensOnHttpsAndOffersH2ByAlpn() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(new CommandLine(new MockServerCommand())
                .setOut(new PrintWriter(out, true)).execute("--port", "0", "--fast", "--tls")));
        runner.start();
        Matcher listening = Pattern.compile("Mock server listening on https://127\\.0\\.0\\.1:(\\d+)").matcher("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // keytool makes the certificate first
        while (!listening.reset(out.toString()).find() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(listening.find(0)).as("printed: %s", out).isTrue();
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
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
        }}, null);
        try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory()
                .createSocket("127.0.0.1", Integer.parseInt(listening.group(1)))) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            socket.startHandshake();

            assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
        }

        runner.interrupt();
        runner.join(10_000);
        assertThat(exit.get()).isZero();
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
