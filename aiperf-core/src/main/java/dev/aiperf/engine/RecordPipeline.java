package dev.aiperf.engine;

import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.record.RecordProcessor;
import dev.aiperf.api.record.ResultsProcessor;
import dev.aiperf.records.ErrorSummary;
import dev.aiperf.records.InferenceResultParser;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Processes profiling records on one dedicated thread, in completion order: parse the responses,
 * run every record processor, append the record to {@code profile_export.jsonl}, and fold its
 * metrics into every results processor.
 *
 * <p><b>Why one thread.</b> I/O threads only enqueue (a lock-free hand-off), so parsing and
 * tokenising never delay a timestamp; and because a single thread feeds the processors and the
 * writer, the metrics need no locks. Each record is on disk, flushed, before the next one is taken,
 * so an interrupted run loses nothing that completed.
 */
final class RecordPipeline {
    private static final Object END = new Object();

    private final InferenceResultParser parser;
    private final List<RecordProcessor> recordProcessors;
    private final List<ResultsProcessor> resultsProcessors;
    private final RecordWriter writer;
    private final ErrorSummary errors = new ErrorSummary();
    private final PrintStream err;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile long processed;
    private volatile long failures;
    private volatile Throwable writeFailure;

    /** Where each processed record goes as it completes. */
    interface RecordWriter extends AutoCloseable {
        void write(MetricRecord record) throws IOException;

        @Override
        void close() throws IOException;
    }

    RecordPipeline(InferenceResultParser parser, List<RecordProcessor> recordProcessors,
                   List<ResultsProcessor> resultsProcessors, RecordWriter writer, PrintStream err) {
        this.parser = parser;
        this.recordProcessors = List.copyOf(recordProcessors);
        this.resultsProcessors = List.copyOf(resultsProcessors);
        this.writer = writer;
        this.err = err;
        this.thread = new Thread(this::drain, "aiperf-records");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Hands a record over; safe from any thread, never blocks. */
    void submit(RequestRecord record) {
        queue.add(record);
    }

    /** Processes everything submitted so far, stops the thread and closes the writer. */
    void finish() throws IOException {
        queue.add(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
        if (writeFailure != null) {
            throw new IOException("writing the per-request records failed: " + writeFailure.getMessage(), writeFailure);
        }
    }

    ErrorSummary errors() {
        return errors;
    }

    long processed() {
        return processed;
    }

    private void drain() {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                continue; // only finish() ends this thread, so no record is dropped
            }
            if (next == END) {
                return;
            }
            process((RequestRecord) next);
        }
    }

    private void process(RequestRecord raw) {
        try {
            ParsedResponseRecord parsed = parser.parse(raw);
            errors.add(parsed);
            MetricRecord metrics = metricsOf(parsed);
            if (writeFailure == null) {
                try {
                    writer.write(metrics);
                } catch (IOException | RuntimeException e) {
                    writeFailure = e;
                    err.println("aiperf: error: cannot write the per-request records: " + e.getMessage());
                }
            }
            for (ResultsProcessor results : resultsProcessors) {
                results.addRecord(metrics);
            }
            processed++;
        } catch (RuntimeException e) {
            if (failures++ == 0) {
                err.println("aiperf: warning: a record could not be processed and was skipped: " + e);
            }
        }
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
}
