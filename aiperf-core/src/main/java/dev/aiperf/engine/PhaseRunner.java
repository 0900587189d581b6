package dev.aiperf.engine;

import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.endpoint.UrlSelectionStrategy;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.timing.ScheduledSession;
import dev.aiperf.api.timing.ScheduledTimingStrategy;
import dev.aiperf.api.timing.SendPlan;
import dev.aiperf.api.timing.TimingStrategy;
import dev.aiperf.api.transport.ResponseObserver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
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
 * <p><b>Planned sends.</b> A {@link ScheduledTimingStrategy} (fixed schedule, user-centric rate) has
 * no ticks: it sets timers and starts sessions and their next turns through a {@link SendPlan}. Such
 * sends wait, in order, for a free session slot (first turns) and prefill slot (every turn) instead of
 * being dropped; continuations go before new sessions.
 *
 * <p><b>Prefill limit.</b> With {@code --prefill-concurrency} every request holds a prefill slot from
 * its issue until its first content token (an observer on the transport's I/O thread parses responses
 * until it sees one) or its return (spec §2.3).
 *
 * <p><b>Wake-ups.</b> A completion wakes the scheduler only when it sleeps (a flag it raises before parking;
 * the first completion to see it lowers it and unparks, the rest find it down), so returns that arrive
 * while it works cost their I/O thread no call into the thread library and leave it no stale permit. When
 * it sleeps at most {@value #RETURN_WAIT_LIMIT_MS} ms and nothing but a free slot can come of a return before
 * it wakes (ticks, not a {@link ScheduledTimingStrategy}'s plan; no tick waiting for a slot; the returned
 * turn its session's last, or a first token), the return waits in the queue: every wake-up drains the
 * queue before it sends, so the tick sees the same slots, and the strategy the same completions in the
 * same order, as if the scheduler had woken for each return.
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
    /** The longest sleep until a tick for which returns that only free a slot wait instead of waking the scheduler. */
    static final long RETURN_WAIT_LIMIT_MS = 10;
    private static final long RETURN_WAIT_LIMIT_NS = RETURN_WAIT_LIMIT_MS * 1_000_000L;

    private final CreditPhase phase;
    private final LoadConfig load;
    private final TimingStrategy strategy;
    /** The strategy when it plans its sends itself, else null (ticks). */
    private final ScheduledTimingStrategy scheduled;
    private final Supplier<Conversation> conversations;
    private final List<Conversation> dataset;
    private final RequestSender sender;
    private final RecordSink sink;
    private final Function<RequestRecord, String> assistantText;
    private final Predicate<InferenceResponse> isContent;
    private final BooleanSupplier interruptRequested;
    private final PhaseProgress progress;
    private final UrlSelectionStrategy urls;
    private final RequestCancellation cancellation;

    /** Returns and first tokens, from the I/O threads; each links itself, so a hand-off allocates nothing. */
    private final ReturnQueue completions = new ReturnQueue();
    /** Every credit issued and not returned, as a list through the credits themselves; scheduler thread only. */
    private InFlight inFlightHead;
    private int inFlightCount;
    private final ArrayDeque<Session> readyContinuations = new ArrayDeque<>();
    private final PriorityQueue<DelayedContinuation> delayedContinuations = new PriorityQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final ArrayDeque<PendingSend> pendingFirstTurns = new ArrayDeque<>();
    private final ArrayDeque<PendingSend> pendingContinuations = new ArrayDeque<>();
    private final Plan plan = new Plan();
    private final RandomIds ids = new RandomIds();
    private volatile Thread scheduler;
    /** Raised by the scheduler before it parks; lowered by whoever wakes it (or by itself when it wakes). */
    private final AtomicBoolean parked = new AtomicBoolean();
    /** Set with {@link #parked}: a return that only frees a slot may wait in the queue for the coming tick. */
    private volatile boolean returnsMayWait;
    /** A return that must not wait was queued since the last drain. */
    private volatile boolean urgentQueued;

    private StopConditions stop;
    private final ConcurrencyLimit slots;
    private final ConcurrencyLimit prefill;
    private final LimitRamp concurrencyRamp;
    private final LimitRamp prefillRamp;
    private long phaseStartNs;
    private boolean sending = true;
    private long drainDeadlineNs = Long.MAX_VALUE;
    private long timerSequence;
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

    /** What a phase reads and whom it tells: the dataset, the sender, the records' sink and the run's controls. */
    record Io(Supplier<Conversation> conversations, List<Conversation> dataset, RequestSender sender, RecordSink sink,
              Function<RequestRecord, String> assistantText, Predicate<InferenceResponse> isContent,
              BooleanSupplier interruptRequested, PhaseProgress progress) {
    }

    PhaseRunner(PhasePlan plan, Io io) {
        this.phase = plan.phase();
        this.load = plan.load();
        this.strategy = plan.strategy();
        this.scheduled = strategy instanceof ScheduledTimingStrategy s ? s : null;
        this.conversations = io.conversations();
        this.dataset = io.dataset();
        this.sender = io.sender();
        this.sink = io.sink();
        this.assistantText = io.assistantText();
        this.isContent = io.isContent();
        this.interruptRequested = io.interruptRequested();
        this.progress = io.progress();
        this.urls = plan.urlSelection();
        this.cancellation = plan.cancellation();
        this.slots = ConcurrencyLimit.of(load.concurrency());
        this.prefill = ConcurrencyLimit.of(load.shape().prefillConcurrency());
        this.concurrencyRamp = LimitRamp.of(plan.concurrencyRamp(), slots, load.concurrency());
        this.prefillRamp = LimitRamp.of(plan.prefillRamp(), prefill, load.shape().prefillConcurrency());
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
        // Ramps start before the strategy, so the first sends already see their initial limits (spec §2.2).
        if (concurrencyRamp != null) {
            concurrencyRamp.start(phaseStartNs);
        }
        if (prefillRamp != null) {
            prefillRamp.start(phaseStartNs);
        }
        if (scheduled != null) {
            scheduled.start(plan);
        }
        boolean interrupted = loop();
        boolean graceExpired = !interrupted && inFlightCount > 0;
        if (inFlightCount > 0) {
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
            changed |= stepRamps(now);
            if (sending && !stop.canSendAnyTurn(now)) {
                finishSending();
            }
            if (!sending) {
                if (inFlightCount == 0 || now - drainDeadlineNs >= 0) {
                    return false;
                }
                parkUntil(now, drainDeadlineNs);
                continue;
            }
            changed |= promoteDelayedContinuations(now);
            if (scheduled != null) {
                runDueTimers(now);
                sendPending(now);
                if (!sending) {
                    continue;
                }
            }
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
            long wake = Math.min(stop.sendDeadlineNs(), nextRampStepNs());
            if (!waitForChange) {
                wake = Math.min(wake, nextTick);
            }
            DelayedContinuation earliest = delayedContinuations.peek();
            if (earliest != null) {
                wake = Math.min(wake, earliest.readyAtNs);
            }
            Timer timer = timers.peek();
            if (timer != null) {
                wake = Math.min(wake, timer.atNs);
            }
            // Ticks only (a plan sends on returns) and no wait for a slot: nothing is sent before the wake-up,
            // which drains the queue first; near, so the progress counts stay fresh.
            boolean returnsCanWait = scheduled == null && !waitForChange && wake - now <= RETURN_WAIT_LIMIT_NS;
            parkUntil(now, wake, returnsCanWait);
        }
    }

    private enum TickResult { ISSUED, NO_SLOT, NOTHING_TO_SEND }

    private TickResult tick(long intendedNs, long now) {
        if (!readyContinuations.isEmpty()) {
            if (!prefill.tryAcquire()) {
                return TickResult.NO_SLOT;
            }
            issue(readyContinuations.poll(), intendedNs);
            return TickResult.ISSUED;
        }
        if (!stop.canStartNewSession(now)) {
            return TickResult.NOTHING_TO_SEND;
        }
        if (!slots.tryAcquire()) {
            return TickResult.NO_SLOT;
        }
        if (!prefill.tryAcquire()) {
            slots.release();
            return TickResult.NO_SLOT;
        }
        issue(newSession(conversations.get(), -1, null), intendedNs);
        return TickResult.ISSUED;
    }

    /** A new session on the URL the selection strategy gives it; all its turns go there (spec §2.13). */
    private Session newSession(Conversation conversation, int turnCount, String correlationId) {
        return new Session(conversation, turnCount < 0 ? conversation.turns().size() : turnCount,
                correlationId == null ? ids.next() : correlationId, urls.nextUrlIndex());
    }

    // ---- Planned sends (ScheduledTimingStrategy) -------------------------------------------------------------------

    private void runDueTimers(long now) {
        Timer timer;
        while (sending && (timer = timers.peek()) != null && now - timer.atNs >= 0) {
            timers.poll();
            timer.action.run();
        }
    }

    /**
     * Sends what waits and may go now: continuations first (they need a prefill slot only), then first
     * turns in order (a session slot and a prefill slot). A send that cannot go waits for a release.
     */
    private void sendPending(long now) {
        while (sending) {
            PendingSend next = pendingContinuations.peek();
            if (next != null) {
                if (!prefill.tryAcquire()) {
                    return;
                }
                pendingContinuations.poll();
                issue(next.session, next.intendedNs);
                continue;
            }
            next = pendingFirstTurns.peek();
            if (next == null) {
                return;
            }
            if (!stop.canStartNewSession(now)) {
                pendingFirstTurns.clear();
                return;
            }
            if (!slots.tryAcquire()) {
                return;
            }
            if (!prefill.tryAcquire()) {
                slots.release();
                return;
            }
            pendingFirstTurns.poll();
            issue(next.session, next.intendedNs);
        }
    }

    /** The engine's side of a {@link ScheduledTimingStrategy}: timers and sends on the scheduler thread. */
    private final class Plan implements SendPlan {
        @Override
        public long phaseStartPerfNs() {
            return phaseStartNs;
        }

        @Override
        public List<Conversation> conversations() {
            return dataset;
        }

        @Override
        public Conversation sampleConversation() {
            return conversations.get();
        }

        @Override
        public void at(long atPerfNs, Runnable action) {
            timers.add(new Timer(atPerfNs, timerSequence++, action));
        }

        @Override
        public ScheduledSession startSession(Conversation conversation, int turnCount, String correlationId,
                                             long intendedPerfNs) {
            Session session = newSession(conversation, turnCount, correlationId);
            pendingFirstTurns.add(new PendingSend(session, intendedPerfNs));
            return session;
        }

        @Override
        public void sendNextTurn(ScheduledSession session, long intendedPerfNs) {
            if (!(session instanceof Session ours) || ours.nextTurnIndex() >= ours.turnCount()) {
                throw new IllegalArgumentException("not a session of this phase with a turn left: " + session);
            }
            PendingSend send = new PendingSend(ours, intendedPerfNs);
            if (intendedPerfNs - System.nanoTime() > 0) {
                at(intendedPerfNs, () -> pendingContinuations.add(send));
            } else {
                pendingContinuations.add(send);
            }
        }

        @Override
        public void planTotals(long requests, long sessions) {
            stop.replaceTotals(requests, sessions);
            progress.expectRequests(requests);
        }
    }

    private void issue(Session session, long intendedNs) {
        int turnIndex = session.nextTurnIndex();
        boolean last = stop.recordSent(turnIndex == 0, session.turnCount());
        long creditNum = stop.sent() - 1;
        RequestInfo info = session.nextRequest(creditNum, phase, ids.next());
        progress.countSent();
        Long cancelAfterNs = cancellation == null ? null : cancellation.draw();
        InFlight credit = new InFlight(creditNum, session, turnIndex, info, intendedNs, cancelAfterNs);
        credit.holdsPrefillSlot = !prefill.isUnlimited();
        track(credit);
        CompletableFuture<RequestRecord> future;
        try {
            future = sender.send(info, intendedNs, cancelAfterNs,
                    credit.holdsPrefillSlot ? firstTokenObserver(credit) : null);
        } catch (RuntimeException e) {
            future = CompletableFuture.completedFuture(credit.errorRecord(e, System.nanoTime()));
        }
        credit.future = future;
        future.whenComplete((record, failure) -> complete(credit, record, failure));
        if (last) {
            finishSending();
        }
    }

    /**
     * Runs on the transport's I/O thread for each response until the first with content: then it queues
     * the "first token" event that frees the request's prefill slot. Parsing costs one endpoint parse per
     * response before the first token, only when a prefill limit is set.
     */
    private ResponseObserver firstTokenObserver(InFlight credit) {
        return response -> {
            if (credit.firstTokenSeen || !isContent.test(response)) {
                return;
            }
            credit.firstTokenSeen = true;
            completions.add(new FirstToken(credit, response.perfNs()));
            signal(true);
        };
    }

    /** Runs on the thread that completed the request: hands the record on, queues the return. */
    private void complete(InFlight credit, RequestRecord record, Throwable failure) {
        if (!credit.report()) {
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
        credit.returned(result, now);
        completions.add(credit);
        // A session's later turn is planned when its return is handled (turn delays count from then): no waiting.
        signal(credit.session.isFinalTurn(credit.turnIndex));
    }

    /**
     * After queueing a completion: wakes the scheduler if it sleeps and this completion cannot wait for
     * its tick. The queue (or {@link #urgentQueued}) is written before {@link #parked} is read, and the
     * scheduler raises {@code parked} before it reads them (all volatile): one of the two sees the other.
     */
    private void signal(boolean onlyFreesASlot) {
        if (!onlyFreesASlot) {
            urgentQueued = true;
        }
        if (parked.get() && !(onlyFreesASlot && returnsMayWait) && parked.compareAndSet(true, false)) {
            Thread t = scheduler;
            if (t != null && t != Thread.currentThread()) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Processes queued returns in order (spec §2.1 "return handling"); true if any arrived. */
    private boolean drainCompletions() {
        urgentQueued = false; // before polling: one queued after this sets it again and is drained now or next time
        boolean any = false;
        ReturnQueue.Entry e;
        while ((e = completions.poll()) != null) {
            if (e instanceof InFlight credit) {
                lastCompletionNs = any && lastCompletionNs - credit.returnedAtNs > 0 ? lastCompletionNs
                        : credit.returnedAtNs;
                RequestRecord record = credit.returned;
                credit.returned = null; // the queue keeps its last entry until the next poll
                onReturn(credit, record);
            } else {
                FirstToken first = (FirstToken) e;
                lastCompletionNs = any && lastCompletionNs - first.atNs > 0 ? lastCompletionNs : first.atNs;
                releasePrefillSlot(first.credit);
            }
            any = true;
        }
        return any;
    }

    /** The request's first token arrived, or it returned: its prefill slot is free again (once). */
    private void releasePrefillSlot(InFlight credit) {
        if (credit.holdsPrefillSlot) {
            credit.holdsPrefillSlot = false;
            prefill.release();
        }
    }

    private void onReturn(InFlight credit, RequestRecord record) {
        untrack(credit);
        releasePrefillSlot(credit);
        // A request the client abandoned on purpose (spec §2.12) returns normally, with its error;
        // only the engine's own cancellations (interruption, grace expiry) end the session.
        boolean wasCancelled = record.cancellationPerfNs() != null
                && (credit.cancelAfterNs == null || credit.cancelledByEngine);
        if (wasCancelled) {
            cancelled++;
        } else {
            progress.countCompleted(record.hasError());
        }
        Session session = credit.session;
        if (session.isFinalTurn(credit.turnIndex) || !sending || wasCancelled) {
            slots.release();
        } else if (scheduled != null) {
            session.recordAssistantReply(assistantText.apply(record));
            scheduled.onTurnReturned(session, System.nanoTime(), plan);
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
        timers.clear();
        pendingFirstTurns.clear();
        pendingContinuations.clear();
        if (concurrencyRamp != null) {
            concurrencyRamp.stop();
        }
        if (prefillRamp != null) {
            prefillRamp.stop();
        }
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
        for (InFlight credit : inFlightNow()) {
            credit.cancelledByEngine = true;
            if (credit.future != null) {
                sender.cancel(credit.future);
            }
        }
        long deadline = System.nanoTime() + CANCEL_DRAIN_MS * 1_000_000L;
        drainCompletions();
        while (inFlightCount > 0 && System.nanoTime() - deadline < 0) {
            parkUntil(System.nanoTime(), deadline);
            drainCompletions();
        }
        long now = System.nanoTime();
        for (InFlight stalled : inFlightNow()) {
            stalled.cancelledByEngine = true;
            if (stalled.report()) {
                RequestRecord record = stalled.cancelledRecord(message, now);
                sink.accept(phase, record);
                onReturn(stalled, record);
            } else {
                untrack(stalled); // reported by its I/O thread after the wait: its return is left unprocessed
            }
        }
    }

    // ---- Credits in flight: a list through the credits, on the scheduler thread only ----------------------------

    private void track(InFlight credit) {
        credit.after = inFlightHead;
        if (inFlightHead != null) {
            inFlightHead.before = credit;
        }
        inFlightHead = credit;
        inFlightCount++;
    }

    private void untrack(InFlight credit) {
        if (credit.before == null && inFlightHead != credit) {
            return; // not in the list (already untracked)
        }
        if (credit.before != null) {
            credit.before.after = credit.after;
        } else {
            inFlightHead = credit.after;
        }
        if (credit.after != null) {
            credit.after.before = credit.before;
        }
        credit.before = null;
        credit.after = null;
        inFlightCount--;
    }

    /** The credits in flight now, oldest first (a copy: cancelling may untrack them). */
    private List<InFlight> inFlightNow() {
        List<InFlight> now = new ArrayList<>(inFlightCount);
        for (InFlight credit = inFlightHead; credit != null; credit = credit.after) {
            now.add(credit);
        }
        return now.reversed();
    }

    static ErrorDetails cancelledError(String message) {
        return new ErrorDetails(CANCELLED_CODE, CANCELLED_TYPE, message);
    }

    // ---- Ramps of the session and prefill limits (spec §2.7) -------------------------------------------------------

    private boolean stepRamps(long now) {
        boolean changed = concurrencyRamp != null && concurrencyRamp.step(now);
        return (prefillRamp != null && prefillRamp.step(now)) || changed;
    }

    private long nextRampStepNs() {
        long next = concurrencyRamp == null ? Long.MAX_VALUE : concurrencyRamp.nextStepNs();
        return prefillRamp == null ? next : Math.min(next, prefillRamp.nextStepNs());
    }

    private void parkUntil(long now, long deadlineNs) {
        parkUntil(now, deadlineNs, false);
    }

    /**
     * Sleeps until {@code deadlineNs} (at most a second) or a completion that needs the scheduler; with
     * {@code returnsCanWait}, returns that only free a slot do not wake it (see the class comment).
     */
    private void parkUntil(long now, long deadlineNs, boolean returnsCanWait) {
        long wait = deadlineNs == Long.MAX_VALUE ? 1_000_000_000L : Math.min(deadlineNs - now, 1_000_000_000L);
        if (wait <= 0) {
            return;
        }
        // An entry still being linked may hide later ones (an urgent one among them) from the drain that
        // cleared urgentQueued: then any return wakes the scheduler, as when returns may not wait.
        boolean deferReturns = returnsCanWait && !completions.addInProgress();
        returnsMayWait = deferReturns;
        parked.set(true);
        if (deferReturns ? urgentQueued : !completions.isEmpty()) {
            parked.set(false);
            return;
        }
        LockSupport.parkNanos(this, wait);
        parked.set(false);
    }

    /** One issued credit until it returns; it is its own entry in the return queue. */
    private static final class InFlight extends ReturnQueue.Entry {
        private static final AtomicIntegerFieldUpdater<InFlight> REPORTED =
                AtomicIntegerFieldUpdater.newUpdater(InFlight.class, "reported");

        final long creditNum;
        final Session session;
        final int turnIndex;
        final RequestInfo info;
        final long intendedNs;
        /** The simulated disconnect's delay, or null when the client keeps the request. */
        final Long cancelAfterNs;
        volatile CompletableFuture<RequestRecord> future;
        /** Set by the engine before it cancels the request itself (interruption, grace expiry). */
        volatile boolean cancelledByEngine;
        /** Whether it still holds a prefill slot; scheduler thread only. */
        boolean holdsPrefillSlot;
        /** Whether its first content token arrived; written by its I/O thread only. */
        volatile boolean firstTokenSeen;
        /** Set (to 1) by whoever records the request first: its completion, or the end of the cancel wait. */
        private volatile int reported;
        /** Its record and when it returned, set by the thread that completed it before it is queued. */
        RequestRecord returned;
        long returnedAtNs;
        /** Its neighbours in the scheduler's list of credits in flight. */
        InFlight before;
        InFlight after;

        InFlight(long creditNum, Session session, int turnIndex, RequestInfo info, long intendedNs,
                 Long cancelAfterNs) {
            this.creditNum = creditNum;
            this.session = session;
            this.turnIndex = turnIndex;
            this.info = info;
            this.intendedNs = intendedNs;
            this.cancelAfterNs = cancelAfterNs;
        }

        /** Whether the caller is the first to record this request (its completion, or the end of the cancel wait). */
        boolean report() {
            return REPORTED.compareAndSet(this, 0, 1);
        }

        void returned(RequestRecord record, long atNs) {
            returned = record;
            returnedAtNs = atNs;
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

    /** A credit's first content token and when it arrived: its prefill slot is free. */
    private static final class FirstToken extends ReturnQueue.Entry {
        final InFlight credit;
        final long atNs;

        FirstToken(InFlight credit, long atNs) {
            this.credit = credit;
            this.atNs = atNs;
        }
    }

    /** A planned action of a {@link ScheduledTimingStrategy}; equal times run in the order they were set. */
    private record Timer(long atNs, long sequence, Runnable action) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(atNs - other.atNs, 0);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /** A planned send waiting for its slots. */
    private record PendingSend(Session session, long intendedNs) {
    }

    private record DelayedContinuation(long readyAtNs, Session session) implements Comparable<DelayedContinuation> {
        @Override
        public int compareTo(DelayedContinuation other) {
            return Long.compare(readyAtNs, other.readyAtNs);
        }
    }
}
