package dev.aiperf.engine;

import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.api.record.RecordProcessor;
import dev.aiperf.api.record.ResultsProcessor;
import dev.aiperf.records.ErrorSummary;
import dev.aiperf.records.InferenceResultParser;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Processes records as they complete: parse the responses, count tokens, run every record processor
 * and format the record's lines on a few worker threads; then, one record at a time and in completion
 * order, append each line to its file ({@code profile_export.jsonl}, {@code profile_export_raw.jsonl}),
 * hand the record to every observer (warm-up results, time slices) and fold profiling records into every
 * results processor. Warm-up records reach only the writers and the observers: the error summary, the
 * client's timing and the run's results are the profiling phase's.
 *
 * <p><b>Threads and hand-offs.</b> An I/O thread only appends the record to one lock-free list (a swap
 * of the tail and a link: no node allocated, no lock, no retry); it wakes nobody, so a completion costs it
 * no system call and never delays a timestamp. Workers poll the list, parking {@value #MIN_PARK_MS} ms (backing off to {@value #MAX_PARK_MS} ms when idle)
 * between batches: under load each wake-up finds a batch, with caches still warm from the previous
 * record, where one wake-up per record would cost about as much as processing it. Parsing and
 * tokenising are most of the work and need no shared state (record processors may be called from
 * several threads at once), so they run in parallel; workers are half the processors, the event loops,
 * whose timestamps matter, keep the other half.
 *
 * <p><b>Order.</b> The list is the completion order. Workers claim records from it in that order (one
 * compare-and-set of a shared cursor each). After a batch, a worker takes the commit lock (unless another
 * holds it) and commits every prepared record at the head of the completion order: the results processors
 * and the file see one record at a time, in completion order, and need no locks of their own.
 *
 * <p><b>Durability.</b> The committer flushes the file when no record is left to prepare, and at least
 * every {@value #FLUSH_INTERVAL_MS} ms under continuous load, rather than once per line. A record is on
 * disk at most a few milliseconds after it completes, and {@link #finish} commits and flushes
 * everything submitted, so an interrupted run loses nothing that completed.
 */
final class RecordPipeline {
    static final long FLUSH_INTERVAL_MS = 100;
    static final long MIN_PARK_MS = 1;
    static final long MAX_PARK_MS = 16;
    private static final int COMMIT_EVERY = 64;

    private final InferenceResultParser parser;
    private final List<RecordProcessor> recordProcessors;
    private final List<ResultsProcessor> resultsProcessors;
    private final List<RecordWriter> writers;
    private final List<RecordObserver> observers;
    private final ErrorSummary errors = new ErrorSummary();
    private final ClientTimingRecorder clientTiming = new ClientTimingRecorder();
    private final LiveMetricsTracker live = new LiveMetricsTracker();
    private final PrintStream err;
    private final List<Thread> workers = new ArrayList<>();
    /*
     * Every submitted record, in completion order, as a list through the records themselves (the intrusive
     * multi-producer list of ReturnQueue): `committed` is the last one committed (at first a stub), `claimed`
     * the last one a worker took (never behind `committed`: only a prepared record is committed), `tail` the
     * last one submitted. What follows `committed` is uncommitted; what follows `claimed`, unprepared.
     */
    private volatile Pending committed = new Pending(null);
    private final AtomicReference<Pending> claimed = new AtomicReference<>(committed);
    private final AtomicReference<Pending> tail = new AtomicReference<>(committed);
    /** Held by whoever commits; guards the fields below it, the writer and the results processors. */
    private final ReentrantLock committing = new ReentrantLock();
    private volatile boolean finished;
    private volatile long processed;
    private long failures;
    private volatile Throwable writeFailure;
    private boolean unflushed;
    private long lastFlushNs = System.nanoTime();

    /** Where each processed record goes as it completes. */
    interface RecordWriter extends AutoCloseable {
        /** The record's line (its UTF-8 bytes), or null when it is not written; called from several threads at once. */
        byte[] format(MetricRecord record);

        /**
         * Appends the line {@link #format} made of {@code record}; it must be on disk after the next {@link #flush}.
         * Called on the committing thread, in completion order.
         */
        void append(byte[] line, MetricRecord record) throws IOException;

        void flush() throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * Sees every committed record, warm-up ones included, in completion order, on the committing thread
     * (the warm-up's results, the time slices).
     */
    interface RecordObserver {
        void add(MetricRecord record);
    }

    /**
     * What a worker made of one record: {@code metrics} is null when it could not be measured; {@code lines}
     * holds each writer's line (null where that writer writes none).
     */
    private record Processed(ParsedResponseRecord parsed, MetricRecord metrics, byte[][] lines, Throwable failure) {
    }

    /** One submitted record: prepared by a worker, then committed in its turn; linked to the next one submitted. */
    private static final class Pending {
        private RequestRecord raw;
        private volatile Processed processed;
        private volatile Pending next;

        Pending(RequestRecord raw) {
            this.raw = raw;
        }
    }

    RecordPipeline(InferenceResultParser parser, List<RecordProcessor> recordProcessors,
                   List<ResultsProcessor> resultsProcessors, RecordWriter writer, PrintStream err) {
        this(parser, recordProcessors, resultsProcessors, writer, err,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    RecordPipeline(InferenceResultParser parser, List<RecordProcessor> recordProcessors,
                   List<ResultsProcessor> resultsProcessors, RecordWriter writer, PrintStream err, int workerThreads) {
        this(parser, recordProcessors, resultsProcessors, List.of(writer), List.of(), err, workerThreads);
    }

    /**
     * @param writers   where each record's lines go ({@code profile_export.jsonl}, {@code profile_export_raw.jsonl})
     * @param observers what else sees every committed record, warm-up ones included
     */
    RecordPipeline(InferenceResultParser parser, List<RecordProcessor> recordProcessors,
                   List<ResultsProcessor> resultsProcessors, List<RecordWriter> writers,
                   List<RecordObserver> observers, PrintStream err) {
        this(parser, recordProcessors, resultsProcessors, writers, observers, err,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    RecordPipeline(InferenceResultParser parser, List<RecordProcessor> recordProcessors,
                   List<ResultsProcessor> resultsProcessors, List<RecordWriter> writers,
                   List<RecordObserver> observers, PrintStream err, int workerThreads) {
        this.parser = parser;
        this.recordProcessors = List.copyOf(recordProcessors);
        this.resultsProcessors = List.copyOf(resultsProcessors);
        this.writers = List.copyOf(writers);
        this.observers = List.copyOf(observers);
        this.err = err;
        for (int i = 1; i <= workerThreads; i++) {
            Thread worker = new Thread(this::work, "aiperf-records-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    /** Hands a record over; safe from any thread, never blocks. Records arriving after {@link #finish} are dropped. */
    void submit(RequestRecord record) {
        if (finished) {
            return;
        }
        Pending pending = new Pending(record);
        Pending previous = tail.getAndSet(pending);
        previous.next = pending; // until this link, a worker or committer sees the list end at previous
    }

    /** The oldest record no worker took yet, now taken by the caller, or null when there is none. */
    private Pending claim() {
        while (true) {
            Pending last = claimed.get();
            Pending next = last.next;
            if (next == null) {
                return null;
            }
            // A `last` linked to itself was committed and unlinked since it was read: the cursor moved on, retry.
            if (next != last && claimed.compareAndSet(last, next)) {
                return next;
            }
        }
    }

    /** The oldest uncommitted record, or null when every submitted one is committed. */
    private Pending firstUncommitted() {
        while (true) {
            Pending last = committed;
            Pending next = last.next;
            if (next != last) {
                return next;
            }
            // `last` was passed and unlinked by a committer since it was read: read the new last one
        }
    }

    /**
     * Processes and commits everything submitted so far, stops the workers and closes the writer. A
     * failure to write the records does not stop the run's export: it is reported by {@link #writeError}.
     */
    void finish() {
        finished = true;
        workers.forEach(LockSupport::unpark);
        for (Thread worker : workers) {
            joinUninterruptibly(worker);
        }
        commitReady();
        for (RecordWriter writer : writers) {
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                writeFailed(e);
            }
        }
    }

    /** Why the per-request records could not all be written, or null when they were. */
    String writeError() {
        Throwable failure = writeFailure;
        return failure == null ? null : "the per-request records are incomplete: " + failure.getMessage();
    }

    /**
     * Waits, at most {@code timeoutMs}, until every record submitted so far is committed (in the error
     * summary and the file), so a count read afterwards includes them.
     */
    void awaitCommitted(long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        workers.forEach(LockSupport::unpark);
        while (firstUncommitted() != null && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    ErrorSummary errors() {
        return errors;
    }

    /** What the committed records show so far; from the progress thread only. */
    LiveMetrics liveMetrics() {
        return live.snapshot(errors);
    }

    long processed() {
        return processed;
    }

    /** The client's own timing over every committed record; read after {@link #finish}. */
    ClientTimingRecorder clientTiming() {
        return clientTiming;
    }

    /** A worker: prepares what has arrived, commits, and parks until the next batch; ends after {@link #finish}. */
    private void work() {
        long parkNs = TimeUnit.MILLISECONDS.toNanos(MIN_PARK_MS);
        while (true) {
            // Read before draining: the drain then sees every record submitted before finish() began.
            boolean last = finished;
            boolean found = false;
            int sinceCommit = 0;
            Pending next;
            while ((next = claim()) != null) {
                found = true;
                prepare(next);
                if (++sinceCommit == COMMIT_EVERY) {
                    commitReady();
                    sinceCommit = 0;
                }
            }
            if (found) {
                commitReady();
            }
            if (last) {
                return;
            }
            parkNs = found ? TimeUnit.MILLISECONDS.toNanos(MIN_PARK_MS)
                    : Math.min(parkNs * 2, TimeUnit.MILLISECONDS.toNanos(MAX_PARK_MS));
            LockSupport.parkNanos(this, parkNs);
        }
    }

    /** Worker side: everything about one record that does not depend on the others. */
    private void prepare(Pending pending) {
        ParsedResponseRecord parsed = null;
        Processed result;
        try {
            parsed = parser.parse(pending.raw);
            MetricRecord metrics = metricsOf(parsed);
            try {
                byte[][] lines = new byte[writers.size()][];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = writers.get(i).format(metrics);
                }
                result = new Processed(parsed, metrics, lines, null);
            } catch (RuntimeException e) {
                result = new Processed(parsed, metrics, null, e); // no line, but the metrics still count
            }
        } catch (Throwable e) {
            result = new Processed(parsed, null, null, e); // even an Error skips only this record
        }
        pending.raw = null;
        pending.processed = result;
    }

    /** Every record processor's values merged, in processor order. */
    private MetricRecord metricsOf(ParsedResponseRecord parsed) {
        if (recordProcessors.size() == 1) {
            return recordProcessors.getFirst().processRecord(parsed);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordProcessor processor : recordProcessors) {
            values.putAll(processor.processRecord(parsed).values());
        }
        return new MetricRecord(parsed, values);
    }

    /**
     * Commits every prepared record at the head of the completion order, unless another thread is
     * doing so; that one then sees the records this one prepared. The re-check after unlocking closes
     * the gap where a record is prepared between the committer's last look and its unlock.
     */
    private void commitReady() {
        while (committing.tryLock()) {
            try {
                Pending head;
                while ((head = firstUncommitted()) != null && head.processed != null) {
                    Pending before = committed;
                    committed = head;
                    // A committed Pending may sit in the old generation: pointing on at younger records, it would
                    // keep every later one alive through young collections until a mixed one. Link it to itself
                    // (no worker reads it again: the claim cursor is past it) and drop its result.
                    before.next = before;
                    Processed done = head.processed;
                    head.processed = null;
                    commit(done);
                    if (System.nanoTime() - lastFlushNs >= TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS)) {
                        flush();
                    }
                }
                if (claimed.get().next == null) {
                    flush(); // nothing left to prepare: what is written goes to disk now
                }
            } finally {
                committing.unlock();
            }
            Pending head = firstUncommitted();
            if (head == null || head.processed == null) {
                return;
            }
        }
    }

    private void commit(Processed done) {
        // Warm-up records only reach the observers and the writers (the raw export keeps them): the
        // error summary, the client's timing and the run's results are the profiling phase's.
        boolean warmup = done.parsed() != null && isWarmup(done.parsed().request());
        if (done.parsed() != null && !warmup) {
            errors.add(done.parsed());
            clientTiming.add(done.parsed());
        }
        if (done.metrics() == null) {
            skipped(done.failure());
            return;
        }
        live.add(done.metrics());
        if (done.failure() != null) {
            writeFailed(done.failure());
        } else if (writeFailure == null) {
            try {
                for (int i = 0; i < done.lines().length; i++) {
                    if (done.lines()[i] != null) {
                        writers.get(i).append(done.lines()[i], done.metrics());
                        unflushed = true;
                    }
                }
            } catch (IOException | RuntimeException e) {
                writeFailed(e);
            }
        }
        for (RecordObserver observer : observers) {
            try {
                observer.add(done.metrics());
            } catch (RuntimeException e) {
                skipped(e);
            }
        }
        if (warmup) {
            return;
        }
        for (ResultsProcessor results : resultsProcessors) {
            try {
                results.addRecord(done.metrics());
            } catch (RuntimeException e) {
                skipped(e);
                return;
            }
        }
        processed++;
    }

    private void flush() {
        lastFlushNs = System.nanoTime();
        if (!unflushed || writeFailure != null) {
            return;
        }
        unflushed = false;
        try {
            for (RecordWriter writer : writers) {
                writer.flush();
            }
        } catch (IOException | RuntimeException e) {
            writeFailed(e);
        }
    }

    private void writeFailed(Throwable e) {
        if (writeFailure == null) {
            writeFailure = e;
            err.println("aiperf: error: " + (e instanceof IOException ? e.getMessage()
                    : "cannot write the per-request records: " + e));
        }
    }

    private void skipped(Throwable e) {
        if (failures++ == 0) {
            err.println("aiperf: warning: a record could not be processed and was skipped: " + e);
        }
    }

    private static boolean isWarmup(RequestRecord request) {
        return request.requestInfo() != null && request.requestInfo().phase() == CreditPhase.WARMUP;
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // every record submitted in time is processed before finish() returns
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
