package dev.aiperf.metrics;

import dev.aiperf.api.record.MetricFlag;

import java.util.List;

import static dev.aiperf.api.record.MetricFlag.NO_CONSOLE;
import static dev.aiperf.metrics.AggregateMetric.Aggregation.SUM;
import static dev.aiperf.metrics.MetricBuilder.metric;
import static dev.aiperf.metrics.MetricTags.BENCHMARK_DURATION;
import static dev.aiperf.metrics.MetricTags.GOODPUT;
import static dev.aiperf.metrics.MetricTags.GOOD_REQUEST_COUNT;
import static dev.aiperf.metrics.MetricUnits.REQUESTS;
import static dev.aiperf.metrics.MetricUnits.REQUESTS_PER_SECOND;

/** Requests that met every SLO, and their rate (metrics spec §2.2 "Goodput and SLOs"). */
final class GoodputMetrics {
    private GoodputMetrics() {
    }

    static List<Metric> all(GoodputSlos slos) {
        return List.of(
                // the header really is "GoodRequestCount", as in the original's exports
                metric(GOOD_REQUEST_COUNT, "GoodRequestCount", null).unit(REQUESTS).flags(MetricFlag.GOODPUT, NO_CONSOLE)
                        .requires(slos.tags().toArray(String[]::new))
                        .aggregate(SUM, in -> isGood(in, slos) ? 1L : 0L),
                metric(GOODPUT, "Goodput", "Goodput").unit(REQUESTS_PER_SECOND).order(1000).flags(MetricFlag.GOODPUT)
                        .requires(GOOD_REQUEST_COUNT, BENCHMARK_DURATION)
                        .derived(run -> RunMetrics.perSecond(run.value(GOOD_REQUEST_COUNT), run)));
    }

    /** A request is good when it meets every objective; with no objectives, none is. */
    static boolean isGood(RecordInput in, GoodputSlos slos) {
        if (slos.isEmpty()) {
            return false;
        }
        for (GoodputSlos.Objective objective : slos.objectives()) {
            if (!objective.isMetBy(in.doubleValue(objective.tag()))) {
                return false;
            }
        }
        return true;
    }
}
