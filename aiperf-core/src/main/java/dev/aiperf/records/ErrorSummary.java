package dev.aiperf.records;

import dev.aiperf.api.export.ErrorCount;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.ParsedResponseRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the profiling phase's errors by {@code (code, type, message)}, in first-seen order
 * (metrics spec §7 "Error summary"). Thread-safe.
 */
public final class ErrorSummary {
    private final Map<ErrorDetails, Long> counts = new LinkedHashMap<>();
    /** Read by the progress line every 100 ms without taking the lock. */
    private volatile long total;

    /** Counts the record's error, if it has one and belongs to the profiling phase. */
    public void add(ParsedResponseRecord record) {
        ErrorDetails error = record.request().error();
        var info = record.request().requestInfo();
        if (error != null && (info == null || info.phase() != CreditPhase.WARMUP)) {
            add(error);
        }
    }

    public synchronized void add(ErrorDetails error) {
        counts.merge(error, 1L, Long::sum);
        total = total + 1;
    }

    /** Each distinct error with its count, in first-seen order. */
    public synchronized List<ErrorCount> toList() {
        return counts.entrySet().stream().map(e -> new ErrorCount(e.getKey(), e.getValue())).toList();
    }

    public long total() {
        return total;
    }
}
