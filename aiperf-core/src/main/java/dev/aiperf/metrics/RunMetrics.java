package dev.aiperf.metrics;

import java.util.List;

import static dev.aiperf.api.record.MetricFlag.ERROR_ONLY;
import static dev.aiperf.api.record.MetricFlag.INTERNAL;
import static dev.aiperf.api.record.MetricFlag.LARGER_IS_BETTER;
import static dev.aiperf.api.record.MetricFlag.NO_CONSOLE;
import static dev.aiperf.api.record.MetricFlag.NO_INDIVIDUAL_RECORDS;
import static dev.aiperf.api.record.MetricFlag.PRODUCES_TOKENS_ONLY;
import static dev.aiperf.metrics.AggregateMetric.Aggregation.MAX;
import static dev.aiperf.metrics.AggregateMetric.Aggregation.MIN;
import static dev.aiperf.metrics.AggregateMetric.Aggregation.SUM;
import static dev.aiperf.metrics.LatencyMetrics.NS_TO_SECONDS;
import static dev.aiperf.metrics.MetricBuilder.metric;
import static dev.aiperf.metrics.MetricTags.*;
import static dev.aiperf.metrics.MetricUnits.NANOSECONDS;
import static dev.aiperf.metrics.MetricUnits.REQUESTS;
import static dev.aiperf.metrics.MetricUnits.REQUESTS_PER_SECOND;
import static dev.aiperf.metrics.MetricUnits.SECONDS;
import static dev.aiperf.metrics.MetricUnits.TOKENS_PER_SECOND;

/**
 * Request counts, the benchmark duration and the throughputs built on it (metrics spec §2.2
 * "Run-level duration and throughput"). Only successful requests start or extend the duration.
 */
final class RunMetrics {
    private RunMetrics() {
    }

    static List<Metric> aggregates() {
        return List.of(
                metric(REQUEST_COUNT, "Request Count", "Requests").unit(REQUESTS).order(1100)
                        .flags(LARGER_IS_BETTER, NO_INDIVIDUAL_RECORDS).aggregate(SUM, in -> 1L),
                metric(ERROR_REQUEST_COUNT, "Error Request Count", "Error Count").unit(REQUESTS)
                        .flags(ERROR_ONLY, NO_INDIVIDUAL_RECORDS).aggregate(SUM, in -> 1L),
                metric(MIN_REQUEST_TIMESTAMP, "Minimum Request Timestamp", "Min Req").unit(NANOSECONDS)
                        .flags(NO_CONSOLE, NO_INDIVIDUAL_RECORDS, INTERNAL)
                        .aggregate(MIN, in -> in.request().timestampNs()),
                metric(MAX_RESPONSE_TIMESTAMP, "Maximum Response Timestamp", "Max Resp").unit(NANOSECONDS)
                        .flags(NO_CONSOLE, NO_INDIVIDUAL_RECORDS, INTERNAL).requires(REQUEST_LATENCY)
                        // a wall time: the request's wall start plus its monotonic latency
                        .aggregate(MAX, in -> in.request().timestampNs() + in.longValue(REQUEST_LATENCY)));
    }

    static List<Metric> derived() {
        return List.of(
                metric(BENCHMARK_DURATION, "Benchmark Duration", "Duration").unit(NANOSECONDS, SECONDS)
                        .flags(NO_CONSOLE).requires(MIN_REQUEST_TIMESTAMP, MAX_RESPONSE_TIMESTAMP)
                        .derived(RunMetrics::benchmarkDuration),
                metric(REQUEST_THROUGHPUT, "Request Throughput", "Req/sec").unit(REQUESTS_PER_SECOND).order(900)
                        .flags(LARGER_IS_BETTER).requires(REQUEST_COUNT, BENCHMARK_DURATION)
                        .derived(run -> perSecond(run.value(REQUEST_COUNT), run)),
                metric(OUTPUT_TOKEN_THROUGHPUT, "Output Token Throughput", "Output TPS").unit(TOKENS_PER_SECOND)
                        .order(800).flags(PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER).requires(TOTAL_OSL, BENCHMARK_DURATION)
                        .derived(run -> perSecond(run.value(TOTAL_OSL), run)),
                metric(TOTAL_TOKEN_THROUGHPUT, "Total Token Throughput", "Total TPS").unit(TOKENS_PER_SECOND)
                        .flags(PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, NO_CONSOLE)
                        .requires(TOTAL_ISL, TOTAL_OSL, BENCHMARK_DURATION)
                        .derived(run -> perSecond(run.value(TOTAL_ISL) + run.value(TOTAL_OSL), run)));
    }

    static Long benchmarkDuration(RunInput run) {
        long start = run.longValue(MIN_REQUEST_TIMESTAMP);
        long end = run.longValue(MAX_RESPONSE_TIMESTAMP);
        return start >= end ? null : end - start;
    }

    /** {@code amount} per second of benchmark duration; no value when the duration is 0. */
    static Double perSecond(double amount, RunInput run) {
        double seconds = run.longValue(BENCHMARK_DURATION) * NS_TO_SECONDS;
        return seconds == 0 ? null : amount / seconds;
    }
}
