package dev.aiperf.engine;

import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.timing.Ramp;
import dev.aiperf.api.timing.TimingStrategy;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one phase (warm-up or profiling) as a single-threaded event loop: the credit issuer of spec
 * §2.1–§2.4.
 *
 * <p><b>Concurrency model.</b> The thread that calls {@link #run()} is the scheduler: it alone owns the
 * slots, stop conditions, sessions and continuation queues, so none of them needs a lock. Requests
 * are sent without blocking; a transport future completes on an I/O thread, which only appends the
 * completion to a lock-free queue and unparks the scheduler. The scheduler sleeps with
 * {@link LockSupport#parkNanos} until the next tick, the next delayed continuation, the next ramp
 * step, a deadline, or a completion, whichever comes first. No thread exists per request, so the
 * number of concurrent streams is bounded by memory and sockets, not threads.
 *
 * <p><b>Ticks.</b> At each tick of the timing strategy at most one credit is issued: a ready
 * continuation turn first (its session already holds a slot), else the first turn of a new session
 * if a slot is free; a tick that finds neither is lost, never queued. With a zero interval
 * ({@code concurrency_burst}) a lost tick makes the scheduler wait for a completion instead of spinning.
 *
 * <p><b>Ending.</b> Sending stops at the first stop condition (count, sessions, duration) or on
 * interruption. Then the phase waits for every in-flight request; with a duration the wait ends at
 * duration + grace, after which the rest are cancelled. Unlike the original, a cancelled request still
 * produces a record (error 499 {@code RequestCancellationError}, {@code was_cancelled}, with the
 * responses received until then), and so does one that does not end within {@value #CANCEL_DRAIN_MS} ms
 * of being cancelled: every request sent is accounted for.
 */
final class PhaseRunner {
    /** How long cancelled requests get to hand back what they received before they are recorded without it. */
    static final long CANCEL_DRAIN_MS = 2_000;
    static final int CANCELLED_CODE = 499;
    static final String CANCELLED_TYPE = "RequestCancellationError";
    static final String INTERRUPTED_MESSAGE = "Request cancelled: the run was interrupted";
    static final String GRACE_EXPIRED_MESSAGE = "Request cancelled: still running when the grace period ended";

    private final CreditPhase phase;
    private final LoadConfig load;
    private final TimingStrategy strategy;
    private final Supplier<Conversation> conversations;
    private final RequestSender sender;
    private final RecordSink sink;
    private final Function<RequestRecord, String> assistantText;
    private final BooleanSupplier interruptRequested;
    private final PhaseProgress progress;
    private final int urlCount;

    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    private final Map<Long, InFlight> inFlight = new HashMap<>();
    private final ArrayDeque<Session> readyContinuations = new ArrayDeque<>();
    private final PriorityQueue<DelayedContinuation> delayedContinuations = new PriorityQueue<>();
    private final RandomIds ids = new RandomIds();
    private volatile Thread scheduler;

    private StopConditions stop;
    private SessionSlots slots;
    private final Ramp concurrencyRamp;
    private int rampValue;
    private long nextRampStepNs = Long.MAX_VALUE;
    private long phaseStartNs;
    private boolean sending = true;
    private long drainDeadlineNs = Long.MAX_VALUE;
    private long nextUrl;
    private long cancelled;
    /** Why in-flight requests are being cancelled: the message of their error records. */
    private volatile String cancelMessage = INTERRUPTED_MESSAGE;
    /** When the latest completion of the last drain returned. */
    private long lastCompletionNs;

    /** Receives every record of the phase, on the thread that completed it. */
    @FunctionalInterface
    interface RecordSink {
        void accept(CreditPhase phase, RequestRecord record);
    }

    PhaseRunner(CreditPhase phase, LoadConfig load, TimingStrategy strategy, Supplier<Conversation> conversations,
                RequestSender sender, RecordSink sink, Function<RequestRecord, String> assistantText,
                BooleanSupplier interruptRequested, PhaseProgress progress, int urlCount, Ramp concurrencyRamp) {
        this.phase = phase;
        this.load = load;
        this.strategy = strategy;
        this.conversations = conversations;
        this.sender = sender;
        this.sink = sink;
        this.assistantText = assistantText;
        this.interruptRequested = interruptRequested;
        this.progress = progress;
        this.urlCount = Math.max(1, urlCount);
        this.concurrencyRamp = concurrencyRamp;
    }

    /** Wakes the scheduler so it notices an interruption at once. */
    void wake() {
        Thread t = scheduler;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Runs the phase to its end on the calling thread. */
    PhaseOutcome run() {
        scheduler = Thread.currentThread();
        long startWallNs = System.currentTimeMillis() * 1_000_000L;
        phaseStartNs = System.nanoTime();
        progress.started(phaseStartNs);
        stop = new StopConditions(load, phaseStartNs);
        startConcurrencyRamp();
        boolean interrupted = loop();
        boolean graceExpired = !interrupted && !inFlight.isEmpty();
        if (!inFlight.isEmpty()) {
            cancelInFlight(interrupted ? INTERRUPTED_MESSAGE : GRACE_EXPIRED_MESSAGE);
        }
        long endNs = System.nanoTime();
        long endWallNs = startWallNs + (endNs - phaseStartNs);
        return new PhaseOutcome(phase, phaseStartNs, startWallNs, endNs, endWallNs, progress.sent(),
                progress.completed(), progress.errors(), cancelled, interrupted, graceExpired);
    }

    /** The event loop; returns whether it ended because of an interruption. */
    private boolean loop() {
        long nextTick = strategy.nextSendTime(phaseStartNs, phaseStartNs);
        boolean waitForChange = false;
        while (true) {
            boolean returned = drainCompletions();
            boolean changed = returned;
            long now = System.nanoTime();
            if (interruptRequested.getAsBoolean()) {
                return true;
            }
            changed |= stepConcurrencyRamp(now);
            if (sending && !stop.canSendAnyTurn(now)) {
                finishSending();
            }
            if (!sending) {
                if (inFlight.isEmpty() || now - drainDeadlineNs >= 0) {
                    return false;
                }
                parkUntil(now, drainDeadlineNs);
                continue;
            }
            changed |= promoteDelayedContinuations(now);
            if (changed) {
                if (waitForChange) {
                    // Nothing could be sent until this change: a request sent now was meant to go when it
                    // happened (a completion freed a slot), not at the tick that found no slot.
                    long freedNs = returned ? lastCompletionNs : now;
                    if (freedNs - nextTick > 0) {
                        nextTick = freedNs;
                    }
                }
                waitForChange = false;
            }
            if (!waitForChange && nextTick != Long.MAX_VALUE && now - nextTick >= 0) {
                TickResult result = tick(nextTick, now);
                if (sending) {
                    nextTick = strategy.nextSendTime(phaseStartNs, now);
                    // A zero interval with nothing to send would spin: wait for a completion instead.
                    waitForChange = result != TickResult.ISSUED && nextTick - now <= 0;
                }
                continue;
            }
            long wake = Math.min(stop.sendDeadlineNs(), nextRampStepNs);
            if (!waitForChange) {
                wake = Math.min(wake, nextTick);
            }
            DelayedContinuation earliest = delayedContinuations.peek();
            if (earliest != null) {
                wake = Math.min(wake, earliest.readyAtNs);
            }
            parkUntil(now, wake);
        }
    }

    private enum TickResult { ISSUED, NO_SLOT, NOTHING_TO_SEND }

    private TickResult tick(long intendedNs, long now) {
        Session continuation = readyContinuations.poll();
        if (continuation != null) {
            issue(continuation, intendedNs);
            return TickResult.ISSUED;
        }
        if (!stop.canStartNewSession(now)) {
            return TickResult.NOTHING_TO_SEND;
        }
        if (!slots.tryAcquire()) {
            return TickResult.NO_SLOT;
        }
        issue(newSession(), intendedNs);
        return TickResult.ISSUED;
    }

    private Session newSession() {
        int urlIndex = (int) (nextUrl++ % urlCount);
        return new Session(conversations.get(), ids.next(), urlIndex);
    }

    private void issue(Session session, long intendedNs) {
        int turnIndex = session.nextTurnIndex();
        boolean last = stop.recordSent(turnIndex == 0, session.turnCount());
        long creditNum = stop.sent() - 1;
        RequestInfo info = session.nextRequest(creditNum, phase, ids.next());
        progress.countSent();
        InFlight credit = new InFlight(creditNum, session, turnIndex, info, intendedNs);
        inFlight.put(creditNum, credit);
        CompletableFuture<RequestRecord> future;
        try {
            future = sender.send(info, intendedNs);
        } catch (RuntimeException e) {
            future = CompletableFuture.completedFuture(credit.errorRecord(e, System.nanoTime()));
        }
        credit.future = future;
        future.whenComplete((record, failure) -> complete(credit, record, failure));
        if (last) {
            finishSending();
        }
    }

    /** Runs on the thread that completed the request: hands the record on, queues the return. */
    private void complete(InFlight credit, RequestRecord record, Throwable failure) {
        if (!credit.reported.compareAndSet(false, true)) {
            return; // already recorded as cancelled without an answer
        }
        long now = System.nanoTime();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        RequestRecord result = record;
        if (cause instanceof CancellationException) {
            result = credit.cancelledRecord(cancelMessage, now);
        } else if (cause != null || record == null) {
            result = credit.errorRecord(cause == null ? new IllegalStateException("transport returned no record") : cause,
                    now);
        } else if (record.cancellationPerfNs() != null && record.error() == null) {
            result = record.withError(cancelledError(cancelMessage));
        }
        sink.accept(phase, result);
        completions.add(new Completion(credit, result, now));
        Thread t = scheduler;
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
        }
    }

    /** Processes queued returns in order (spec §2.1 "return handling"); true if any arrived. */
    private boolean drainCompletions() {
        boolean any = false;
        Completion c;
        while ((c = completions.poll()) != null) {
            lastCompletionNs = any && lastCompletionNs - c.atNs > 0 ? lastCompletionNs : c.atNs;
            any = true;
            onReturn(c.credit, c.record);
        }
        return any;
    }

    private void onReturn(InFlight credit, RequestRecord record) {
        inFlight.remove(credit.creditNum);
        boolean wasCancelled = record.cancellationPerfNs() != null;
        if (wasCancelled) {
            cancelled++;
        } else {
            progress.countCompleted(record.hasError());
        }
        Session session = credit.session;
        if (session.isFinalTurn(credit.turnIndex) || !sending || wasCancelled) {
            slots.release();
        } else {
            session.recordAssistantReply(assistantText.apply(record));
            long delayMs = session.delayBeforeMs(credit.turnIndex + 1);
            if (delayMs > 0) {
                delayedContinuations.add(new DelayedContinuation(System.nanoTime() + delayMs * 1_000_000L, session));
            } else {
                readyContinuations.add(session);
            }
        }
        if (!wasCancelled) {
            strategy.processCompletion(record);
        }
    }

    private boolean promoteDelayedContinuations(long now) {
        boolean any = false;
        DelayedContinuation d;
        while ((d = delayedContinuations.peek()) != null && now - d.readyAtNs >= 0) {
            delayedContinuations.poll();
            readyContinuations.add(d.session);
            any = true;
        }
        return any;
    }

    /** Sending is over: drop what was waiting and set the drain deadline (duration + grace). */
    private void finishSending() {
        if (!sending) {
            return;
        }
        sending = false;
        readyContinuations.clear();
        delayedContinuations.clear();
        nextRampStepNs = Long.MAX_VALUE;
        if (load.benchmarkDurationSeconds() != null && Double.isFinite(load.gracePeriodSeconds())) {
            drainDeadlineNs = stop.sendDeadlineNs() + Math.round(load.gracePeriodSeconds() * 1e9);
        }
    }

    /**
     * Cancels every request in flight and waits (up to {@link #CANCEL_DRAIN_MS}) for each to hand back
     * its record; one that does not is recorded as cancelled with nothing received, so no request sent
     * goes unaccounted for.
     */
    private void cancelInFlight(String message) {
        cancelMessage = message;
        for (InFlight credit : List.copyOf(inFlight.values())) {
            if (credit.future != null) {
                sender.cancel(credit.future);
            }
        }
        long deadline = System.nanoTime() + CANCEL_DRAIN_MS * 1_000_000L;
        drainCompletions();
        while (!inFlight.isEmpty() && System.nanoTime() - deadline < 0) {
            parkUntil(System.nanoTime(), deadline);
            drainCompletions();
        }
        long now = System.nanoTime();
        for (InFlight stalled : List.copyOf(inFlight.values())) {
            if (stalled.reported.compareAndSet(false, true)) {
                RequestRecord record = stalled.cancelledRecord(message, now);
                sink.accept(phase, record);
                onReturn(stalled, record);
            }
        }
        inFlight.clear();
    }

    static ErrorDetails cancelledError(String message) {
        return new ErrorDetails(CANCELLED_CODE, CANCELLED_TYPE, message);
    }

    // ---- Concurrency ramp (spec §2.7): 1, 2, ... target, value v applied at d·(v−1)/(target−1) ----------------------

    private void startConcurrencyRamp() {
        Integer target = load.concurrency();
        if (concurrencyRamp != null && target != null && target > 1) {
            rampValue = 1;
            slots = SessionSlots.of(target);
            slots.setLimit(1);
            nextRampStepNs = phaseStartNs + Math.round(concurrencyRamp.timeOf(2) * 1e9);
        } else {
            slots = SessionSlots.of(target);
        }
    }

    private boolean stepConcurrencyRamp(long now) {
        if (concurrencyRamp == null || now - nextRampStepNs < 0) {
            return false;
        }
        int target = load.concurrency();
        int value = (int) Math.floor(concurrencyRamp.valueAt((now - phaseStartNs) / 1e9));
        rampValue = Math.max(rampValue + 1, Math.min(value, target));
        slots.setLimit(rampValue);
        nextRampStepNs = rampValue >= target ? Long.MAX_VALUE
                : phaseStartNs + Math.round(concurrencyRamp.timeOf(rampValue + 1) * 1e9);
        return true;
    }

    private void parkUntil(long now, long deadlineNs) {
        if (!completions.isEmpty()) {
            return;
        }
        long wait = deadlineNs == Long.MAX_VALUE ? 1_000_000_000L : Math.min(deadlineNs - now, 1_000_000_000L);
        if (wait > 0) {
            LockSupport.parkNanos(this, wait);
        }
    }

    /** One issued credit until it returns. */
    private static final class InFlight {
        final long creditNum;
        final Session session;
        final int turnIndex;
        final RequestInfo info;
        final long intendedNs;
        volatile CompletableFuture<RequestRecord> future;
        /** Set by whoever records the request first: its completion, or the end of the cancel wait. */
        final AtomicBoolean reported = new AtomicBoolean();

        InFlight(long creditNum, Session session, int turnIndex, RequestInfo info, long intendedNs) {
            this.creditNum = creditNum;
            this.session = session;
            this.turnIndex = turnIndex;
            this.info = info;
            this.intendedNs = intendedNs;
        }

        /** A record for a request that failed before or outside the transport. */
        RequestRecord errorRecord(Throwable cause, long now) {
            String model = info.currentTurn().model();
            return new RequestRecord(info, model, System.currentTimeMillis() * 1_000_000L, intendedNs, now, null, now,
                    0, List.of(), new ErrorDetails(null, cause.getClass().getSimpleName(),
                    String.valueOf(cause.getMessage())), null);
        }

        /** A cancelled request whose transport handed back nothing: its times are the engine's own. */
        RequestRecord cancelledRecord(String message, long now) {
            String model = info.currentTurn().model();
            long start = intendedNs > 0 && intendedNs - now <= 0 ? intendedNs : now;
            long wallStart = System.currentTimeMillis() * 1_000_000L - (now - start);
            return new RequestRecord(info, model, wallStart, intendedNs, start, null, now, 0, List.of(),
                    cancelledError(message), now);
        }
    }

    /** A returned credit and when it returned, on the thread that completed it. */
    private record Completion(InFlight credit, RequestRecord record, long atNs) {
    }

    private record DelayedContinuation(long readyAtNs, Session session) implements Comparable<DelayedContinuation> {
        @Override
        public int compareTo(DelayedContinuation other) {
            return Long.compare(readyAtNs, other.readyAtNs);
        }
    }
}
