package dev.aiperf.engine;

import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.ui.AiperfUi.Progress;

import java.util.function.LongSupplier;

/**
 * Counters of the running phase, written by the scheduler thread and read by the progress thread;
 * each is a single volatile word, so a snapshot needs no lock (it may mix adjacent moments).
 */
final class PhaseProgress {
    private final CreditPhase phase;
    private volatile Long expectedRequests;
    private final Double durationSeconds;
    private volatile long startNs;
    private volatile long sent;
    private volatile long completed;
    private volatile long errors;
    /** The errors counted by the records pipeline (parse errors included), or null to count transport errors. */
    private volatile LongSupplier measuredErrors;

    PhaseProgress(CreditPhase phase, Long expectedRequests, Double durationSeconds) {
        this.phase = phase;
        this.expectedRequests = expectedRequests;
        this.durationSeconds = durationSeconds;
    }

    CreditPhase phase() {
        return phase;
    }

    Long expectedRequests() {
        return expectedRequests;
    }

    /** The strategy planned its own total (a replayed trace): progress and ETA count towards it. */
    void expectRequests(long total) {
        expectedRequests = total;
    }

    Double durationSeconds() {
        return durationSeconds;
    }

    void started(long nowNs) {
        startNs = nowNs;
    }

    // Single writer (the scheduler thread), so read-increment-write on a volatile is safe here.
    void countSent() {
        sent = sent + 1;
    }

    void countCompleted(boolean error) {
        completed = completed + 1;
        if (error) {
            errors = errors + 1;
        }
    }

    long sent() {
        return sent;
    }

    long completed() {
        return completed;
    }

    long errors() {
        return errors;
    }

    /**
     * Shows the errors as the summary will count them: those of the records pipeline, which also sees
     * the responses that could not be parsed and the requests cancelled at the end.
     */
    void countErrorsFrom(LongSupplier pipelineErrors) {
        this.measuredErrors = pipelineErrors;
    }

    Progress snapshot(long nowNs) {
        LongSupplier measured = measuredErrors;
        return new Progress(phase.wireName(), sent, completed, measured == null ? errors : measured.getAsLong(),
                (nowNs - startNs) / 1e9, expectedRequests, durationSeconds);
    }
}
