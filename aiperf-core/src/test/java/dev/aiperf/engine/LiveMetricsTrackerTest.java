package dev.aiperf.engine;

import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.metrics.MetricTags;
import dev.aiperf.metrics.TestRecords;
import dev.aiperf.records.ErrorSummary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LiveMetricsTrackerTest {

    @Test
    void percentilesGrowWithEachSnapshotAndErrorsAreByType() {
        LiveMetricsTracker tracker = new LiveMetricsTracker();
        ErrorSummary errors = new ErrorSummary();
        assertThat(tracker.snapshot(errors)).isEqualTo(LiveMetrics.NONE);
        for (int i = 1; i <= 100; i++) {
            Map<String, Object> values = new HashMap<>();
            values.put(MetricTags.TIME_TO_FIRST_TOKEN, i * 1_000_000L); // 1..100 ms
            values.put(MetricTags.INTER_TOKEN_LATENCY, 4_000_000.0);
            values.put(MetricTags.OUTPUT_SEQUENCE_LENGTH, 10L);
            tracker.add(new MetricRecord(TestRecords.parsed(0, 10), values));
        }
        errors.add(new ErrorDetails(500, "HTTPError", "boom"));
        errors.add(new ErrorDetails(500, "HTTPError", "boom"));
        errors.add(new ErrorDetails(null, "TimeoutError", "slow"));

        LiveMetrics live = tracker.snapshot(errors);
        assertThat(live.timeToFirstToken().p50()).isCloseTo(50, within(0.1));
        assertThat(live.timeToFirstToken().p99()).isCloseTo(99, within(0.1));
        assertThat(live.timeToFirstToken().count()).isEqualTo(100);
        assertThat(live.interTokenLatency().p50()).isCloseTo(4.0, within(0.01));
        assertThat(live.requestLatency()).isNull();
        assertThat(live.outputTokens()).isEqualTo(1_000);
        assertThat(live.errorsByType()).containsExactly(Map.entry("HTTPError", 2L), Map.entry("TimeoutError", 1L));

        tracker.add(new MetricRecord(TestRecords.parsed(0, 10), Map.of(MetricTags.TIME_TO_FIRST_TOKEN, 1_000_000_000L)));
        assertThat(tracker.snapshot(errors).timeToFirstToken().count()).isEqualTo(101);
    }

    /**
     * As in the pipeline: workers take turns committing under one lock while the progress thread snapshots;
     * every value recorded by any of them is counted once (the single-writer recorder relies on the lock).
     */
    @Test
    void valuesCommittedByThreadsTakingTurnsAreAllCountedWhileSnapshotsRun() throws Exception {
        LiveMetricsTracker tracker = new LiveMetricsTracker();
        ErrorSummary errors = new ErrorSummary();
        ReentrantLock committing = new ReentrantLock();
        int perWorker = 20_000;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = 1; i <= perWorker; i++) {
                    MetricRecord record = new MetricRecord(TestRecords.parsed(0, 10),
                            Map.of(MetricTags.TIME_TO_FIRST_TOKEN, (i % 1_000 + 1) * 1_000_000L));
                    committing.lock();
                    try {
                        tracker.add(record);
                    } finally {
                        committing.unlock();
                    }
                }
            }));
        }
        AtomicBoolean done = new AtomicBoolean();
        List<Long> counts = new ArrayList<>();
        Thread progress = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                LiveMetrics.Percentiles ttft = tracker.snapshot(errors).timeToFirstToken();
                counts.add(ttft == null ? 0 : ttft.count());
            }
        });
        for (Thread worker : workers) {
            worker.join();
        }
        done.set(true);
        progress.join();

        LiveMetrics.Percentiles ttft = tracker.snapshot(errors).timeToFirstToken();
        assertThat(ttft.count()).isEqualTo(3L * perWorker);
        assertThat(ttft.max()).isCloseTo(1_000, within(1.0));
        assertThat(counts).isSorted().allMatch(count -> count <= 3L * perWorker);
    }
}
