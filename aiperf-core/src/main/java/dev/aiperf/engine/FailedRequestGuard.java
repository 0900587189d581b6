package dev.aiperf.engine;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.record.MetricRecord;

import java.util.Locale;

/**
 * {@code --failed-request-threshold}: stops the run once too many of its profiling requests failed, as the
 * original does. Armed after {@code max(concurrency, 10)} profiling requests completed (fewer would make one
 * early failure look like a broken server); from then on, the first record after which failed/total exceeds
 * the ratio trips it once: the run stops sending, cancels what is in flight and exports what it measured.
 *
 * <p>Sees every committed record on the records thread (never on the transport's), so plain fields suffice;
 * the reason is read by the engine after the pipeline finished.
 */
final class FailedRequestGuard implements RecordPipeline.RecordObserver {
    /** The least number of completed requests before the ratio is trusted (the original's floor). */
    static final int MIN_RECORDS = 10;

    private final double threshold;
    private final long armedAfter;
    private final Runnable stop;
    private long total;
    private long failed;
    private volatile String reason;

    private FailedRequestGuard(double threshold, long armedAfter, Runnable stop) {
        this.threshold = threshold;
        this.armedAfter = armedAfter;
        this.stop = stop;
    }

    /** The guard of this run, or null when no threshold was set. */
    static FailedRequestGuard of(BenchmarkConfig config, Runnable stop) {
        Double threshold = config.control().failedRequestThreshold();
        if (threshold == null) {
            return null;
        }
        Integer concurrency = config.load().concurrency();
        return new FailedRequestGuard(threshold, Math.max(concurrency == null ? 0 : concurrency, MIN_RECORDS), stop);
    }

    @Override
    public void add(MetricRecord record) {
        RequestInfo info = record.record().request().requestInfo();
        if (reason != null || info == null || info.phase() != CreditPhase.PROFILING) {
            return;
        }
        total++;
        if (record.isError()) {
            failed++;
        }
        if (total >= armedAfter && failed > threshold * total) {
            reason = String.format(Locale.ROOT, "%d of %d profiling requests failed (%.1f %%), more than"
                            + " --failed-request-threshold %s allows: the run stopped early; what it measured is written",
                    failed, total, 100.0 * failed / total, threshold);
            stop.run();
        }
    }

    /** Why the run was stopped, or null when the guard never tripped. */
    String reason() {
        return reason;
    }
}
