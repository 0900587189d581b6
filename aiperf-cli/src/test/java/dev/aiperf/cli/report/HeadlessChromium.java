package dev.aiperf.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol on loopback (the JDK's HTTP and WebSocket
 * clients): opens a page, collects every console error and uncaught exception, evaluates expressions and
 * takes full-page screenshots. Started with the flags of a closed network and a fresh profile directory,
 * which is deleted on {@link #close}.
 */
final class HeadlessChromium implements AutoCloseable {
    /** Where Debian installs it; {@code AIPERF_CHROMIUM} overrides. */
    static final String DEFAULT_BINARY = "/usr/bin/chromium";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket, Listener listener) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        listener.owner = this;
    }

    /** The binary to run, or null when there is none on this machine. */
    static Path binary() {
        String configured = System.getenv("AIPERF_CHROMIUM");
        Path path = Path.of(configured != null && !configured.isBlank() ? configured : DEFAULT_BINARY);
        return Files.isExecutable(path) ? path : null;
    }

    /** Starts Chromium with one blank page and attaches to it. */
    static HeadlessChromium start(Path binary) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("aiperf-chromium-profile");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            int port = devToolsPort(profile, process);
            HttpClient http = HttpClient.newHttpClient();
            String pageSocket = null;
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (pageSocket == null && System.nanoTime() < deadline) {
                String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                for (JsonNode target : JSON.readTree(list)) {
                    if ("page".equals(target.path("type").asText())) {
                        pageSocket = target.path("webSocketDebuggerUrl").asText();
                    }
                }
                if (pageSocket == null) {
                    Thread.sleep(100);
                }
            }
            if (pageSocket == null) {
                throw new IOException("Chromium opened no page; its log: " + log(profile));
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), listener)
                    .get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, socket, listener);
            chromium.call("Runtime.enable", null);
            chromium.call("Log.enable", null);
            chromium.call("Page.enable", null);
            return chromium;
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("cannot attach to Chromium: " + e + "; its log: " + log(profile), e);
        }
    }

    /** The port from {@code DevToolsActivePort}, which Chromium writes into its profile once it listens. */
    private static int devToolsPort(Path profile, Process process) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.getFirst().isBlank()) {
                    return Integer.parseInt(lines.getFirst().strip());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("Chromium exited with " + process.exitValue() + "; its log: " + log(profile));
            }
            Thread.sleep(50);
        }
        throw new IOException("Chromium did not open its DevTools port within " + STARTUP + "; its log: " + log(profile));
    }

    private static String log(Path profile) {
        try {
            return Files.readString(profile.resolve("chromium.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Loads {@code file} at the given viewport width and waits for the load event. */
    void open(Path file, int width, int height) throws Exception {
        ObjectNode metrics = JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false);
        call("Emulation.setDeviceMetricsOverride", metrics);
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        loadListeners.add(loaded);
        call("Page.navigate", JSON.createObjectNode().put("url", file.toUri().toString()));
        loaded.get(30, TimeUnit.SECONDS);
    }

    private final List<CompletableFuture<JsonNode>> loadListeners = new CopyOnWriteArrayList<>();

    /** The value of a JavaScript expression in the page (JSON-compatible values only). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("the expression threw: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until the expression is true; false when it never became true within {@code timeout}. */
    boolean waitFor(String expression, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (evaluate(expression).asBoolean(false)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** A PNG of the whole page (not just the viewport), written to {@code file}. */
    Path screenshot(Path file) throws Exception {
        JsonNode layout = call("Page.getLayoutMetrics", null);
        JsonNode size = layout.has("cssContentSize") ? layout.path("cssContentSize") : layout.path("contentSize");
        ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0)
                .put("width", Math.ceil(size.path("width").asDouble())).put("height", Math.ceil(size.path("height").asDouble()))
                .put("scale", 1);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
        return file;
    }

    /** Every console error, uncaught exception and error log entry since the start, one line each. */
    List<String> consoleErrors() {
        return new ArrayList<>(consoleErrors);
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (socket) {
            socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        }
        JsonNode answer = reply.get(60, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IOException(method + " failed: " + answer.path("error"));
        }
        return answer.path("result");
    }

    private void onMessage(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.path("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    consoleErrors.add("console." + type + ": " + params.path("args"));
                }
            }
            case "Runtime.exceptionThrown" -> consoleErrors.add("uncaught: " + params.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                if ("error".equals(params.path("entry").path("level").asText())) {
                    consoleErrors.add("log: " + params.path("entry"));
                }
            }
            case "Page.loadEventFired" -> loadListeners.forEach(f -> f.complete(params));
            default -> { }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            socket.abort();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Reassembles the socket's text frames into DevTools messages. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile HeadlessChromium owner;
        private final List<JsonNode> early = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    HeadlessChromium chromium = owner;
                    if (chromium == null) {
                        early.add(message);
                    } else {
                        early.forEach(chromium::onMessage);
                        early.clear();
                        chromium.onMessage(message);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("DevTools sent something that is not JSON", e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
