package dev.aiperf.engine;

import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.metrics.MetricTags;
import dev.aiperf.metrics.TestRecords;
import dev.aiperf.records.ErrorSummary;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

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
}
