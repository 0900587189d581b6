package dev.aiperf.transport;

import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.RequestDetail;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.transport.ResponseObserver;
import dev.aiperf.api.transport.TransportRequest;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request in flight and what has been measured of it. Until a connection is bound it is touched
 * by the sending thread and the connection source; after that only by the connection's event loop.
 * It completes exactly once, normally, unless its caller cancels the future: then the connection it
 * is bound to is given up (see {@link #whenCancelled}).
 */
final class HttpExchange {

    final TransportRequest request;
    final Origin origin;
    long timestampNs;
    final long deadlineNs;
    /** When the transport took the request; until {@link #startPerfNs} it waited for a connection. */
    final long handoffPerfNs;
    final CompletableFuture<RequestRecord> future = new CancellableFuture();
    /** Each phase's end, for the HTTP trace; null when tracing is off. */
    final HttpTraceRecorder trace;
    /**
     * The transport's exchanges in flight, which this one leaves as its future completes (null: not kept).
     * Left from the future itself rather than through a dependent stage: no stage, future and lambda per request.
     */
    private final Set<HttpExchange> inFlight;
    /** The response's Content-Type, once its headers arrived. */
    String responseContentType;
    /** The responses as they arrive, written by the connection's event loop. */
    final ResponseStore responses = new ResponseStore();
    long startPerfNs;
    Long recvStartPerfNs;
    int status;
    private volatile Runnable onCancel;
    private volatile boolean cancelRequested;
    /** The error of a simulated client disconnect, or null when the engine cancelled (or nobody did). */
    private volatile ErrorDetails cancelError;

    HttpExchange(TransportRequest request, Origin origin, long timestampNs, long startPerfNs, long deadlineNs) {
        this(request, origin, timestampNs, startPerfNs, deadlineNs, null, null);
    }

    /** @param inFlight where the transport keeps it until its future completes; the caller adds it (null: nowhere) */
    HttpExchange(TransportRequest request, Origin origin, long timestampNs, long startPerfNs, long deadlineNs,
                 HttpTraceRecorder trace, Set<HttpExchange> inFlight) {
        this.trace = trace;
        this.inFlight = inFlight;
        this.request = request;
        this.origin = origin;
        this.timestampNs = timestampNs;
        this.startPerfNs = startPerfNs;
        this.handoffPerfNs = startPerfNs;
        this.deadlineNs = deadlineNs;
    }

    /** The request goes on the wire now: latencies count from here; the wall-clock start moves with it. */
    void markSent() {
        long now = System.nanoTime();
        timestampNs += now - startPerfNs;
        startPerfNs = now;
        if (trace != null) {
            trace.sendStarted(now);
        }
    }

    boolean isDone() {
        return future.isDone();
    }

    /** A raw response was stored: shows it to the request's observer, if it has one. */
    void responseAdded() {
        ResponseObserver observer = request.observer();
        if (observer != null) {
            observer.onResponse(responses.last());
        }
    }

    /**
     * The request is fully written: a request the client is to abandon (spec §2.12) starts its timer
     * now, on the connection's event loop, and is closed when it fires unless it finished first.
     */
    void written(EventExecutor loop) {
        Long delayNs = request.cancelAfterNs();
        if (delayNs == null || isDone()) {
            return;
        }
        ScheduledFuture<?> timer = loop.schedule(() -> abandonAsClient(delayNs), Math.max(0, delayNs),
                TimeUnit.NANOSECONDS);
        future.whenComplete((record, failure) -> timer.cancel(false));
    }

    /** The simulated disconnect: the record keeps what arrived, with the original's error 499 (spec §2.12). */
    private void abandonAsClient(long delayNs) {
        if (isDone()) {
            return;
        }
        cancelError = new ErrorDetails(499, "RequestCancellationError",
                String.format(Locale.ROOT, "Request cancelled %.3fs after being sent", delayNs / 1e9));
        cancelKeepingWhatArrived();
    }

    /**
     * What cancelling the future does once the exchange holds a connection (close it: its response
     * is no longer wanted). Runs at once if the future is already cancelled; may run twice when the
     * two race, so it must be idempotent.
     */
    void whenCancelled(Runnable abort) {
        onCancel = abort;
        if (future.isCancelled() || cancelRequested) {
            abort.run();
        }
    }

    /** The exchange behind a future of {@link NettyHttpTransport#sendRequest}, or null for another future. */
    static HttpExchange of(CompletableFuture<RequestRecord> future) {
        return future instanceof CancellableFuture cancellable ? cancellable.exchange() : null;
    }

    /** Cancels a request either transport returned: its exchange keeps what arrived; any other future is cancelled. */
    static void cancel(CompletableFuture<RequestRecord> request) {
        HttpExchange exchange = of(request);
        if (exchange == null) {
            request.cancel(true);
        } else {
            exchange.cancelKeepingWhatArrived();
        }
    }

    /**
     * Ends the exchange early, completing its future with what arrived so far, marked cancelled. On a
     * connection this goes through the event loop that owns the responses; before one, nothing arrived.
     * (The volatile flag and handler are written and read in opposite orders here and in
     * {@link #whenCancelled}, so at least one side sees the other.)
     */
    void cancelKeepingWhatArrived() {
        cancelRequested = true;
        Runnable abort = onCancel;
        if (abort != null) {
            abort.run();
        } else {
            completeCancelled(System.nanoTime());
        }
    }

    /** Completes with the responses received so far and the cancellation time; no-op if already done. */
    void completeCancelled(long cancelPerfNs) {
        if (future.isDone()) {
            return;
        }
        future.complete(new RequestRecord(request.requestInfo(), request.model(), timestampNs,
                request.intendedSendPerfNs(), startPerfNs, recvStartPerfNs,
                responses.isEmpty() ? cancelPerfNs : responses.lastPerfNs(), status, responses.snapshot(),
                cancelError, cancelPerfNs, handoffPerfNs, detail()));
    }

    void succeed(long endPerfNs) {
        future.complete(record(endPerfNs, null));
    }

    void fail(ErrorDetails error, long endPerfNs) {
        if (future.isDone()) {
            return;
        }
        if (trace != null) {
            trace.failed(endPerfNs);
        }
        future.complete(record(endPerfNs, error));
    }

    /**
     * A future whose {@code cancel} also lets go of the exchange's connection, and whose completion (by
     * whichever of these methods, after its dependents ran) takes the exchange out of the transport's in-flight set.
     */
    private final class CancellableFuture extends CompletableFuture<RequestRecord> {
        HttpExchange exchange() {
            return HttpExchange.this;
        }

        @Override
        public boolean complete(RequestRecord value) {
            return left(super.complete(value));
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            return left(super.completeExceptionally(failure));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Runnable abort = onCancel;
            if (cancelled && abort != null) {
                abort.run();
            }
            return left(cancelled);
        }

        private boolean left(boolean completedNow) {
            if (completedNow && inFlight != null) {
                inFlight.remove(HttpExchange.this);
            }
            return completedNow;
        }
    }

    private RequestRecord record(long endPerfNs, ErrorDetails error) {
        return new RequestRecord(request.requestInfo(), request.model(), timestampNs, request.intendedSendPerfNs(),
                startPerfNs, recvStartPerfNs, endPerfNs, status, responses.snapshot(), error, null, handoffPerfNs, detail());
    }

    /** What was sent, with the trace so far. */
    private RequestDetail detail() {
        return new RequestDetail(request.body(), request.headers(), responseContentType,
                trace == null ? null : trace.toTrace());
    }
}
