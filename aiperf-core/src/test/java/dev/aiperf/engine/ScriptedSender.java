package dev.aiperf.engine;

import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A sender that answers every request after a fixed latency (or never), replying with the text
 * {@code reply-<credit>}; it records what was sent and the most requests ever in flight together.
 */
final class ScriptedSender implements RequestSender, AutoCloseable {
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final Function<RequestInfo, Long> latencyMs;
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<RequestRecord>> futures = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    /** For each answered credit, a time after its future completed (so after the engine queued its return). */
    final Map<Long, Long> completedNs = new ConcurrentHashMap<>();

    record Sent(RequestInfo info, long intendedNs, long sentNs, int inFlightAfterSend) {
    }

    /** Answers after {@code latencyMs(info)} ms; a negative latency never answers. */
    ScriptedSender(Function<RequestInfo, Long> latencyMs) {
        this.latencyMs = latencyMs;
    }

    static ScriptedSender fixed(long ms) {
        return new ScriptedSender(info -> ms);
    }

    @Override
    public CompletableFuture<RequestRecord> send(RequestInfo info, long intendedSendPerfNs) {
        return send(info, intendedSendPerfNs, null, null);
    }

    /** Like a transport: a request to abandon ends after {@code cancelAfterNs} with error 499, unless answered first. */
    @Override
    public CompletableFuture<RequestRecord> send(RequestInfo info, long intendedSendPerfNs, Long cancelAfterNs,
                                                 dev.aiperf.api.transport.ResponseObserver observer) {
        long now = System.nanoTime();
        int nowInFlight = inFlight.incrementAndGet();
        sent.add(new Sent(info, intendedSendPerfNs, now, nowInFlight));
        maxInFlight.accumulateAndGet(nowInFlight, Math::max);
        CompletableFuture<RequestRecord> future = new CompletableFuture<>();
        future.whenComplete((r, e) -> {
            if (future.isCancelled()) {
                inFlight.decrementAndGet();
            }
        });
        futures.add(future);
        long latency = latencyMs.apply(info);
        if (cancelAfterNs != null && (latency < 0 || latency * 1_000_000L > cancelAfterNs)) {
            clock.schedule(() -> {
                inFlight.decrementAndGet();
                long at = System.nanoTime();
                future.complete(new RequestRecord(info, "m", System.currentTimeMillis() * 1_000_000L,
                        intendedSendPerfNs, now, null, at, 0, List.of(), new dev.aiperf.api.model.ErrorDetails(499,
                        "RequestCancellationError", "Request cancelled after being sent"), at));
            }, cancelAfterNs, TimeUnit.NANOSECONDS);
        } else if (latency >= 0) {
            // Leave the in-flight count before the engine hears of the completion and sends the next one.
            clock.schedule(() -> {
                inFlight.decrementAndGet();
                future.complete(record(info, intendedSendPerfNs, now));
                completedNs.put(info.creditNum(), System.nanoTime()); // the engine has queued the return by now
            }, latency, TimeUnit.MILLISECONDS);
        }
        return future;
    }

    static RequestRecord record(RequestInfo info, long intended, long start) {
        long end = System.nanoTime();
        return new RequestRecord(info, "m", System.currentTimeMillis() * 1_000_000L, intended, start, start, end, 200,
                List.of(new InferenceResponse(end, InferenceResponse.Kind.TEXT, "reply-" + info.creditNum())), null,
                null);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
