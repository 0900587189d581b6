package dev.aiperf.mock;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What every connection of one {@link MockServer} shares: settings, corpus, seeded draws, models seen. */
final class ServerContext {

    /** Models remembered for {@code /v1/models}; a client inventing names per request must not grow us forever. */
    private static final int MAX_MODELS_REMEMBERED = 1024;

    final MockServerConfig config;
    final TokenCorpus corpus;
    /** What the prompts so far brought into the (simulated) prefix cache. */
    volatile PrefixCache prefixCache = new PrefixCache();
    /** Calls of the control routes (cache reset, profiler start and stop). */
    final ServerControlState control = new ServerControlState();
    /** Rejects trailing garbage after the JSON value: a body with it is malformed, not half-valid. */
    final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Draws for {@code --error-rate}: one per inference request, in arrival order. */
    final SeededChance errors;
    /** Draws for {@code --fault-malformed-json-rate}: one per body or token chunk. */
    final SeededChance malformed;
    final long startEpochSeconds = System.currentTimeMillis() / 1000;
    /** Completions being answered, counted only when {@code ttftPerInflightMs} is set (one shared counter). */
    final java.util.concurrent.atomic.AtomicInteger inflight = new java.util.concurrent.atomic.AtomicInteger();
    /** What the server is doing, for {@code /metrics} and the DCGM pages. */
    final ServerLoad load = new ServerLoad();
    private final DcgmFaker[] dcgm;
    private final Map<String, byte[]> quotedModels = new ConcurrentHashMap<>();
    /** Settings never change while serving, so {@code /health} is encoded once. */
    private final byte[] healthBody;
    private final PrintStream log = System.err;
    /** Null until a test asks for the request bodies: then every request is offered to it. */
    private volatile RequestCapture capture;

    ServerContext(MockServerConfig config, TokenCorpus corpus) {
        this.config = config;
        this.corpus = corpus;
        long seed = config.randomSeed() != null ? config.randomSeed() : System.nanoTime() ^ System.currentTimeMillis();
        this.errors = new SeededChance(seed);
        this.malformed = new SeededChance(~seed * 31 + 7);
        this.dcgm = config.dcgmGpus() == 0 ? new DcgmFaker[0] : new DcgmFaker[]{
                new DcgmFaker(1, config.dcgmGpus(), config.dcgmGpuName(), load),
                new DcgmFaker(2, config.dcgmGpus(), config.dcgmGpuName(), load)};
        config.models().forEach(this::quotedModel);
        ObjectNode health = json.createObjectNode().put("status", "healthy");
        health.set("config", json.valueToTree(config));
        this.healthBody = toBytes(health);
    }

    /**
     * Runs the request path once off the network, so that the first real request does not pay for class loading
     * (about 100 ms of Jackson and encoder start-up that would land in a benchmark's first TTFT).
     */
    void warmUp() {
        try {
            JsonNode body = json.readTree("{\"model\":\"warm-up\",\"stream\":true,\"max_tokens\":4,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"warm up\"}]}");
            InferenceRequest request = InferenceRequest.parseChat(body);
            new PrefixCache().cachedTokens(corpus.tokenizer().pieces(request.promptText())); // not the server's cache
            CompletionEncoder encoder = new CompletionEncoder(corpus, OutputPlan.plan(request, corpus),
                    request.kind(), quote(request.model()));
            ByteBuf scratch = Unpooled.buffer(4096);
            encoder.body(UnpooledByteBufAllocator.DEFAULT, false).release();
            encoder.writeTokenEvent(scratch, 0, false, CompletionEncoder.stamp(System.nanoTime()));
            encoder.writeEnd(scratch, true, false, CompletionEncoder.stamp(System.nanoTime()));
            EmbeddingEncoder.body(UnpooledByteBufAllocator.DEFAULT, quote("warm-up"), List.of("warm up"),
                            corpus.tokenizer(), false)
                    .release();
            detailBody("warm up");
            scratch.release();
        } catch (IOException e) {
            throw new UncheckedIOException("the mock server's own warm-up request is not JSON", e);
        }
    }

    /** {@code POST /reset_prefix_cache}: every prompt is new again, to the usage figures and to {@code /metrics}. */
    void resetPrefixCache() {
        prefixCache = new PrefixCache();
        load.resetPrefixCache();
        control.kvCacheResets.incrementAndGet();
    }

    /** {@code POST /start_profile} ({@code start}) or {@code POST /stop_profile}. */
    void profiler(boolean start) {
        (start ? control.profilerStarts : control.profilerStops).incrementAndGet();
        control.profiling.set(start);
    }

    /** The DCGM page of node 1 or 2, or null when they are off. */
    DcgmFaker dcgm(int node) {
        return dcgm.length == 0 ? null : dcgm[node - 1];
    }

    /** {@code model} as a quoted, escaped JSON string; remembers it for {@code /v1/models}. */
    byte[] quotedModel(String model) {
        byte[] quoted = quotedModels.get(model);
        if (quoted == null) {
            quoted = quote(model);
            if (quotedModels.size() < MAX_MODELS_REMEMBERED) {
                quotedModels.putIfAbsent(model, quoted);
            }
        }
        return quoted;
    }

    /** The {@code /v1/models} body: configured models first, then those seen, in name order. */
    byte[] modelsBody() {
        Set<String> ids = new LinkedHashSet<>(config.models());
        List<String> seen = new ArrayList<>(quotedModels.keySet());
        seen.sort(null);
        ids.addAll(seen);
        ObjectNode body = json.createObjectNode().put("object", "list");
        ArrayNode data = body.putArray("data");
        for (String id : ids) {
            data.addObject().put("id", id).put("object", "model").put("created", startEpochSeconds)
                    .put("owned_by", "aiperf-mock-server");
        }
        return toBytes(body);
    }

    /** The {@code /health} body: {@code {"status":"healthy","config":{…}}}. */
    byte[] healthBody() {
        return healthBody;
    }

    /** The {@code /} body: what this is and its settings. */
    byte[] infoBody() {
        ObjectNode body = json.createObjectNode().put("message", "AIPerf Mock Server");
        body.set("config", json.valueToTree(config));
        return toBytes(body);
    }

    /** {@code {"detail": message}}, the error body of the original (FastAPI) mock. */
    byte[] detailBody(String message) {
        return toBytes(json.createObjectNode().put("detail", message));
    }

    RequestCapture startCapture(int limit) {
        RequestCapture started = new RequestCapture(limit);
        capture = started;
        return started;
    }

    /** Keeps the request for a test when a capture was started; a single volatile read otherwise. */
    void capture(FullHttpRequest request, String path, long arrivalNanos, Channel connection) {
        RequestCapture current = capture;
        if (current != null) {
            current.add(new RequestCapture.CapturedRequest(request.method().name(), path,
                    request.content().toString(StandardCharsets.UTF_8), arrivalNanos,
                    request.headers().get("X-Correlation-ID"), request.headers().get("X-Request-ID"),
                    String.valueOf(connection.remoteAddress())));
        }
    }

    void accessLog(String remote, String method, String uri, int status) {
        if (config.accessLogs()) {
            log.println(remote + " - \"" + method + " " + uri + " HTTP/1.1\" " + status);
        }
    }

    void verboseLog(String message) {
        if (config.verbose()) {
            log.println("mock-server: " + message);
        }
    }

    private byte[] toBytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] quote(String text) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
        byte[] quoted = new byte[escaped.length + 2];
        quoted[0] = '"';
        System.arraycopy(escaped, 0, quoted, 1, escaped.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }
}
