package dev.aiperf.mock;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Serves the requests of one connection, one at a time and in order: a request that arrives while the previous
 * response is still being written (HTTP pipelining) waits in a queue, so responses never overtake each other.
 * Everything runs on the connection's event loop; waits are scheduled on it, never slept.
 */
final class MockHttpHandler extends ChannelInboundHandlerAdapter implements TokenStreamer.ResponseCompletion {

    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");
    private static final AsciiString EVENT_STREAM = AsciiString.cached("text/event-stream; charset=utf-8");
    private static final String CHAT_PATH = "/v1/chat/completions";
    private static final String COMPLETIONS_PATH = "/v1/completions";
    private static final String EMBEDDINGS_PATH = "/v1/embeddings";

    private final ServerContext server;
    private final RequestArrival arrival;
    private final ArrayDeque<PendingRequest> waiting = new ArrayDeque<>(2);
    private ChannelHandlerContext ctx;
    /** A response is being prepared or written; later requests wait. */
    private boolean busy;
    private boolean draining;
    /** Keep-alive of the request being answered. */
    private boolean keepAlive;
    /** The completion being answered is counted in {@link ServerContext#inflight}. */
    private boolean countedInflight;

    private record PendingRequest(FullHttpRequest request, long arrivalNanos) {
    }

    MockHttpHandler(ServerContext server, RequestArrival arrival) {
        this.server = server;
        this.arrival = arrival;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        long arrivalNanos = arrival.lastHeadersNanos();
        if (busy || !waiting.isEmpty()) {
            waiting.add(new PendingRequest(request, arrivalNanos));
            return;
        }
        serve(request, arrivalNanos);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseInflight();
        releaseWaiting();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseInflight();
        releaseWaiting();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            server.verboseLog("closing " + ctx.channel().remoteAddress() + " after an error: " + cause);
        }
        ctx.close();
    }

    @Override
    public void responseWritten(ChannelFuture lastWrite) {
        releaseInflight();
        if (!keepAlive) {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        busy = false;
        if (!draining) {
            drainWaiting();
        }
    }

    private void drainWaiting() {
        draining = true;
        try {
            PendingRequest next;
            while (!busy && ctx.channel().isActive() && (next = waiting.poll()) != null) {
                serve(next.request(), next.arrivalNanos());
            }
        } finally {
            draining = false;
        }
    }

    private void serve(FullHttpRequest request, long arrivalNanos) {
        busy = true;
        keepAlive = HttpUtil.isKeepAlive(request);
        try {
            if (request.decoderResult().isFailure()) {
                keepAlive = false;
                respond(request, HttpResponseStatus.BAD_REQUEST,
                        server.detailBody("Malformed HTTP request: " + request.decoderResult().cause()));
                return;
            }
            route(request, arrivalNanos);
        } catch (InvalidRequestException e) {
            respond(request, HttpResponseStatus.BAD_REQUEST, server.detailBody(e.getMessage()));
        } finally {
            request.release();
        }
    }

    private void route(FullHttpRequest request, long arrivalNanos) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        HttpMethod method = request.method();
        if (!MetricsPages.isScrapePath(path)) { // a capture keeps the benchmark's requests, not the scrapes beside it
            server.capture(request, path, arrivalNanos, ctx.channel());
        }
        switch (path) {
            case CHAT_PATH, COMPLETIONS_PATH -> {
                if (allowed(request, HttpMethod.POST)) {
                    completion(request, arrivalNanos, path.equals(CHAT_PATH)
                            ? InferenceRequest.parseChat(readJson(request))
                            : InferenceRequest.parseCompletion(readJson(request)));
                }
            }
            case "/v1/responses" -> {
                if (allowed(request, HttpMethod.POST)) {
                    completion(request, arrivalNanos, InferenceRequest.parseResponses(readJson(request)));
                }
            }
            case "/generate", "/generate_stream" -> {
                if (allowed(request, HttpMethod.POST)) {
                    completion(request, arrivalNanos,
                            InferenceRequest.parseGenerate(readJson(request), path.equals("/generate_stream")));
                }
            }
            case "/v1/ranking", "/rerank", "/v2/rerank" -> {
                if (allowed(request, HttpMethod.POST)) {
                    rankings(request, arrivalNanos, switch (path) {
                        case "/v1/ranking" -> RankingEncoder.Api.NIM;
                        case "/rerank" -> RankingEncoder.Api.TEI;
                        default -> RankingEncoder.Api.COHERE;
                    });
                }
            }
            case "/v1/images/generations" -> {
                if (allowed(request, HttpMethod.POST)) {
                    images(request, arrivalNanos);
                }
            }
            case EMBEDDINGS_PATH -> {
                if (allowed(request, HttpMethod.POST)) {
                    embeddings(request, arrivalNanos);
                }
            }
            case "/metrics" -> {
                if (allowed(request, HttpMethod.GET)) {
                    respondText(request, MetricsPages.vllm(server.load));
                }
            }
            case "/dcgm1/metrics", "/dcgm2/metrics" -> {
                DcgmFaker dcgm = server.dcgm(path.equals("/dcgm1/metrics") ? 1 : 2);
                if (dcgm == null) {
                    respond(request, HttpResponseStatus.NOT_FOUND, server.detailBody("Not Found: DCGM endpoints are off"
                            + " (--dcgm-num-gpus 0)"));
                } else if (allowed(request, HttpMethod.GET)) {
                    respondText(request, dcgm.page(System.nanoTime()));
                }
            }
            case "/v1/models" -> {
                if (allowed(request, HttpMethod.GET)) {
                    respond(request, HttpResponseStatus.OK, server.modelsBody());
                }
            }
            case "/health" -> {
                if (allowed(request, HttpMethod.GET)) {
                    respond(request, HttpResponseStatus.OK, server.healthBody());
                }
            }
            case "/" -> {
                if (allowed(request, HttpMethod.GET)) {
                    respond(request, HttpResponseStatus.OK, server.infoBody());
                }
            }
            default -> respond(request, HttpResponseStatus.NOT_FOUND,
                    server.detailBody("Not Found: " + method + " " + path));
        }
    }

    private boolean allowed(FullHttpRequest request, HttpMethod expected) {
        if (request.method().equals(expected)) {
            return true;
        }
        String detail = "Method Not Allowed: use " + expected + " for " + request.uri();
        FullHttpResponse response = jsonResponse(HttpResponseStatus.METHOD_NOT_ALLOWED,
                Unpooled.wrappedBuffer(server.detailBody(detail)));
        response.headers().set(HttpHeaderNames.ALLOW, expected.asciiName());
        send(request, response);
        return false;
    }

    private void completion(FullHttpRequest request, long arrivalNanos, InferenceRequest inference) {
        byte[] quotedModel = server.quotedModel(inference.model());
        if (faulted(request, inference.stream())) {
            return;
        }
        arrivalNanos += loadDelayNanos();
        OutputPlan plan = OutputPlan.plan(inference, server.corpus);
        plan = plan.withCachedTokens(server.prefixCache.cachedTokens(
                server.corpus.tokenizer().pieces(inference.promptText())));
        arrivalNanos += prefillDelayNanos(plan);
        StreamEncoder encoder = switch (inference.kind()) {
            case CHAT, COMPLETION -> new CompletionEncoder(server.corpus, plan, inference.kind(), quotedModel);
            case RESPONSES -> new ResponsesEncoder(server.corpus, plan, quotedModel);
            case GENERATE -> new GenerateEncoder(server.corpus, plan);
        };
        ServerLoad.Ticket ticket = server.load.arrived(inference.model(), inference.promptText(), plan.promptTokens(),
                arrivalNanos);
        boolean atLength = inference.maxTokens() != null && plan.completionTokens() >= inference.maxTokens();
        answer(request, arrivalNanos, encoder, inference.stream(), inference.includeUsage(), plan.contentTokens(),
                ticket, atLength, plan.completionTokens());
    }

    private void images(FullHttpRequest request, long arrivalNanos) {
        JsonNode body = readJson(request);
        ImageEncoder encoder = ImageEncoder.of(body, server.corpus.tokenizer());
        server.quotedModel(InferenceRequest.model(body));
        boolean stream = body.path("stream").asBoolean(false);
        if (faulted(request, stream)) {
            return;
        }
        answer(request, arrivalNanos, encoder, stream, false, encoder.eventCount(), null, false, 0);
    }

    /**
     * Streams the answer as server-sent events, or sends it whole once {@code ttft + itl·wholeEvents} after the
     * request arrived.
     */
    private void answer(FullHttpRequest request, long arrivalNanos, StreamEncoder encoder, boolean stream,
                        boolean includeUsage, int wholeEvents, ServerLoad.Ticket ticket, boolean atLength,
                        int completionTokens) {
        if (stream) {
            HttpResponse headers = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            headers.headers().set(HttpHeaderNames.CONTENT_TYPE, EVENT_STREAM)
                    .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
            HttpUtil.setTransferEncodingChunked(headers, true);
            HttpUtil.setKeepAlive(headers, keepAlive);
            log(request, 200);
            ctx.write(headers);
            new TokenStreamer(ctx, server, encoder, includeUsage, arrivalNanos, this, ticket, atLength).start();
            return;
        }
        long dueNanos = arrivalNanos + server.config.effectiveTtftNanos()
                + server.config.effectiveItlNanos() * wholeEvents;
        String uri = request.uri();
        String method = request.method().name();
        runAt(dueNanos, () -> {
            ByteBuf body = encoder.body(ctx.alloc(), server.malformed.hit(malformedPercent()));
            if (ticket != null) {
                long now = System.nanoTime();
                ticket.tokensSent(completionTokens, now);
                ticket.finished(now, atLength);
            }
            log(method, uri, 200);
            send(jsonResponse(HttpResponseStatus.OK, body));
        });
    }

    private void rankings(FullHttpRequest request, long arrivalNanos, RankingEncoder.Api api) {
        JsonNode body = readJson(request);
        RankingEncoder encoder = RankingEncoder.of(api, body);
        if (api != RankingEncoder.Api.TEI) {
            server.quotedModel(InferenceRequest.model(body));
        }
        if (faulted(request, false)) {
            return;
        }
        String uri = request.uri();
        String method = request.method().name();
        runAt(arrivalNanos + server.config.rankingLatencyNanos(encoder.passageCount()), () -> {
            ByteBuf response = encoder.body(ctx.alloc(), server.malformed.hit(malformedPercent()));
            log(method, uri, 200);
            send(jsonResponse(HttpResponseStatus.OK, response));
        });
    }

    private void embeddings(FullHttpRequest request, long arrivalNanos) {
        JsonNode body = readJson(request);
        List<String> inputs = EmbeddingEncoder.inputs(body);
        byte[] quotedModel = server.quotedModel(InferenceRequest.model(body));
        if (faulted(request, false)) {
            return;
        }
        String uri = request.uri();
        String method = request.method().name();
        runAt(arrivalNanos + server.config.embeddingLatencyNanos(inputs.size()), () -> {
            ByteBuf response = EmbeddingEncoder.body(ctx.alloc(), quotedModel, inputs, server.corpus.tokenizer(),
                    server.malformed.hit(malformedPercent()));
            log(method, uri, 200);
            send(jsonResponse(HttpResponseStatus.OK, response));
        });
    }

    /** Answers with a fault instead of a normal response, if one applies; see {@link FaultInjection}. */
    private boolean faulted(FullHttpRequest request, boolean stream) {
        FaultInjection faults = server.config.faults();
        if (faults.forcedStatus() != 0) {
            int status = faults.forcedStatus();
            respond(request, HttpResponseStatus.valueOf(status), server.detailBody("Simulated status " + status));
            return true;
        }
        if (server.errors.hit(server.config.errorRatePercent())) {
            respond(request, HttpResponseStatus.INTERNAL_SERVER_ERROR, server.detailBody("Simulated error"));
            return true;
        }
        if (faults.stallAfterHeaders()) {
            // Headers, then silence: the connection stays busy until the client gives up and closes it.
            HttpResponse headers = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            headers.headers().set(HttpHeaderNames.CONTENT_TYPE, stream ? EVENT_STREAM : APPLICATION_JSON);
            HttpUtil.setTransferEncodingChunked(headers, true);
            log(request, 200);
            ctx.writeAndFlush(headers);
            return true;
        }
        return false;
    }

    private double malformedPercent() {
        return server.config.faults().malformedJsonRatePercent();
    }

    private void runAt(long dueNanos, Runnable task) {
        long delay = dueNanos - System.nanoTime();
        if (delay <= 0) {
            task.run();
        } else {
            ctx.executor().schedule(task, delay, TimeUnit.NANOSECONDS);
        }
    }

    private JsonNode readJson(FullHttpRequest request) {
        ByteBuf content = request.content();
        if (!content.isReadable()) {
            throw new InvalidRequestException("Malformed JSON body: the body is empty");
        }
        try (InputStream in = new ByteBufInputStream(content.duplicate())) {
            return server.json.readTree(in);
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            throw new InvalidRequestException("Malformed JSON body: " + e.getOriginalMessage()
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new InvalidRequestException("Malformed JSON body: " + e.getMessage());
        }
    }

    /** A Prometheus text page. */
    private void respondText(FullHttpRequest request, byte[] body) {
        ByteBuf content = Unpooled.wrappedBuffer(body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, MetricsPages.CONTENT_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        send(request, response);
    }

    private void respond(FullHttpRequest request, HttpResponseStatus status, byte[] body) {
        send(request, jsonResponse(status, Unpooled.wrappedBuffer(body)));
    }

    private void send(FullHttpRequest request, FullHttpResponse response) {
        log(request, response.status().code());
        send(response);
    }

    private void send(FullHttpResponse response) {
        HttpUtil.setKeepAlive(response, keepAlive);
        responseWritten(ctx.writeAndFlush(response));
    }

    private static FullHttpResponse jsonResponse(HttpResponseStatus status, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }

    private void log(FullHttpRequest request, int status) {
        if (server.config.accessLogs()) {
            log(request.method().name(), request.uri(), status);
        }
    }

    private void log(String method, String uri, int status) {
        if (server.config.accessLogs()) {
            server.accessLog(String.valueOf(ctx.channel().remoteAddress()), method, uri, status);
        }
    }

    /** With {@code --ttft-per-inflight}: this completion's extra wait for the others in flight, and it counts. */
    private long loadDelayNanos() {
        long perInflight = server.config.effectiveTtftPerInflightNanos();
        if (perInflight == 0) {
            return 0;
        }
        countedInflight = true;
        return perInflight * server.inflight.getAndIncrement();
    }

    /** With {@code --ttft-per-input-token}: the prefill cost of the prompt tokens the prefix cache did not hold. */
    private long prefillDelayNanos(OutputPlan plan) {
        double perToken = server.config.effectiveTtftPerInputTokenNanos();
        return perToken == 0 ? 0 : (long) (perToken * Math.max(0, plan.promptTokens() - plan.cachedTokens()));
    }

    private void releaseInflight() {
        if (countedInflight) {
            countedInflight = false;
            server.inflight.decrementAndGet();
        }
    }

    private void releaseWaiting() {
        PendingRequest pending;
        while ((pending = waiting.poll()) != null) {
            pending.request().release();
        }
    }
}
