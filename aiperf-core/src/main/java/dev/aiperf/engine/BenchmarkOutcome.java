package dev.aiperf.engine;

import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a finished (or interrupted) benchmark produced.
 *
 * @param artifactDir    where every file went
 * @param inputsFile     {@code inputs.json}
 * @param recordsFile    {@code profile_export.jsonl}, or null at export level summary
 * @param exports        files the data exporters wrote
 * @param context        what the exporters saw: results, error summary, ids
 * @param profiling      the profiling phase, or null when it never started
 * @param recordsProcessed profiling records measured
 * @param interrupted    the run was cut short by a signal or {@code interrupt()}
 * @param exportErrors   exporters that failed, one message each
 * @param abortReason    why the engine stopped the run early ({@code --failed-request-threshold}), or null
 */
public record BenchmarkOutcome(Path artifactDir, Path inputsFile, Path recordsFile, List<ExportInfo> exports,
                               ExportContext context, PhaseOutcome profiling, long recordsProcessed,
                               boolean interrupted, List<String> exportErrors, String abortReason) {
    public BenchmarkOutcome {
        exports = List.copyOf(exports);
        exportErrors = List.copyOf(exportErrors);
    }

    /** Whether the engine itself stopped the run because too many requests failed. */
    public boolean aborted() {
        return abortReason != null;
    }

    /** False when nothing was measured: no summary was written (the original exits 1 then). */
    public boolean hasResults() {
        return !context.isEmpty();
    }

    /** The per-request records file if it exists (it is deleted when no line was written). */
    public boolean recordsWritten() {
        return recordsFile != null && Files.exists(recordsFile);
    }
}
