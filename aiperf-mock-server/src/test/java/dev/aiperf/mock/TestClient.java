package dev.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP/1.1 client for the tests: java.net.http for ordinary calls, a raw socket to see the wire. */
final class TestClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final MockServer server;

    TestClient(MockServer server) {
        this.server = server;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs and collects the {@code data:} payloads of a server-sent event stream, with the time each arrived. */
    Stream stream(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<java.util.stream.Stream<String>> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
            List<String> events = new ArrayList<>();
            List<Long> arrivals = new ArrayList<>();
            response.body().filter(line -> line.startsWith("data: ")).forEach(line -> {
                arrivals.add(System.nanoTime() - start);
                events.add(line.substring("data: ".length()));
            });
            return new Stream(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    events, arrivals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw request bytes and returns everything the server sends until it closes or goes quiet. */
    String raw(String request, Duration quiet) {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout((int) quiet.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException quietEnough) {
                // The server stopped talking but kept the connection: that is an answer too.
            }
            return received.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rawPost(String path, String body, String... extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").append(body).toString();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A streamed answer: status, content type, the {@code data:} payloads and their arrival times (ns after send). */
    record Stream(int status, String contentType, List<String> events, List<Long> arrivalNanos) {

        /** The JSON events, without the final {@code [DONE]}. */
        List<JsonNode> chunks() {
            return events.stream().filter(e -> !e.equals("[DONE]")).map(TestClient::json).toList();
        }
    }
}
