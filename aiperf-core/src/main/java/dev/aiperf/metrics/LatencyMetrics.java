package dev.aiperf.metrics;

import dev.aiperf.api.model.ParsedResponses;

import java.util.List;

import static dev.aiperf.api.record.MetricFlag.EXPERIMENTAL;
import static dev.aiperf.api.record.MetricFlag.INTERNAL;
import static dev.aiperf.api.record.MetricFlag.LARGER_IS_BETTER;
import static dev.aiperf.api.record.MetricFlag.NO_CONSOLE;
import static dev.aiperf.api.record.MetricFlag.PRODUCES_TOKENS_ONLY;
import static dev.aiperf.api.record.MetricFlag.STREAMING_ONLY;
import static dev.aiperf.api.record.MetricFlag.SUPPORTS_REASONING;
import static dev.aiperf.api.record.MetricFlag.TOKENIZES_INPUT_ONLY;
import static dev.aiperf.metrics.MetricBuilder.metric;
import static dev.aiperf.metrics.MetricTags.*;
import static dev.aiperf.metrics.MetricUnits.MILLISECONDS;
import static dev.aiperf.metrics.MetricUnits.NANOSECONDS;
import static dev.aiperf.metrics.MetricUnits.TOKENS_PER_SECOND_PER_USER;

/**
 * Per-request latency metrics (metrics spec §2.2 "Latency and streaming"). All are measured on
 * the monotonic clock from the request's start to its <em>content</em> responses.
 */
final class LatencyMetrics {
    /** Nanoseconds to seconds, as the original converts (a multiplication, not a division). */
    static final double NS_TO_SECONDS = MetricUnits.factor(NANOSECONDS, MetricUnits.SECONDS);

    private LatencyMetrics() {
    }

    static List<Metric> all() {
        return List.of(
                metric(TIME_TO_FIRST_TOKEN, "Time to First Token", "TTFT").unit(NANOSECONDS, MILLISECONDS).order(100)
                        .flags(STREAMING_ONLY, PRODUCES_TOKENS_ONLY).record(LatencyMetrics::timeToFirstToken),
                metric(TIME_TO_SECOND_TOKEN, "Time to Second Token", "TTST").unit(NANOSECONDS, MILLISECONDS).order(200)
                        .flags(STREAMING_ONLY, PRODUCES_TOKENS_ONLY).record(LatencyMetrics::timeToSecondToken),
                metric(TIME_TO_FIRST_OUTPUT_TOKEN, "Time to First Output Token", "TTFO")
                        .unit(NANOSECONDS, MILLISECONDS).order(210)
                        .flags(STREAMING_ONLY, PRODUCES_TOKENS_ONLY, SUPPORTS_REASONING)
                        .record(LatencyMetrics::timeToFirstOutputToken),
                metric(REQUEST_LATENCY, "Request Latency", "Req Latency").unit(NANOSECONDS, MILLISECONDS).order(300)
                        .record(LatencyMetrics::requestLatency),
                metric(INTER_TOKEN_LATENCY, "Inter Token Latency", "ITL").unit(NANOSECONDS, MILLISECONDS).order(400)
                        .flags(STREAMING_ONLY, PRODUCES_TOKENS_ONLY)
                        .requires(REQUEST_LATENCY, TIME_TO_FIRST_TOKEN, OUTPUT_SEQUENCE_LENGTH)
                        .record(LatencyMetrics::interTokenLatency),
                metric(OUTPUT_TOKEN_THROUGHPUT_PER_USER, "Output Token Throughput Per User", "Output TPS/User")
                        .unit(TOKENS_PER_SECOND_PER_USER).order(500)
                        .flags(STREAMING_ONLY, PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER).requires(INTER_TOKEN_LATENCY)
                        .record(LatencyMetrics::outputTokenThroughputPerUser),
                metric(INTER_CHUNK_LATENCY, "Inter Chunk Latency", "ICL").unit(NANOSECONDS, MILLISECONDS)
                        .flags(STREAMING_ONLY, PRODUCES_TOKENS_ONLY, NO_CONSOLE)
                        .record(LatencyMetrics::interChunkLatency),
                metric(PREFILL_THROUGHPUT_PER_USER, "Prefill Throughput Per User", "Prefill TPS/User")
                        .unit(TOKENS_PER_SECOND_PER_USER)
                        .flags(STREAMING_ONLY, PRODUCES_TOKENS_ONLY, TOKENIZES_INPUT_ONLY, LARGER_IS_BETTER, NO_CONSOLE)
                        .requires(INPUT_SEQUENCE_LENGTH, TIME_TO_FIRST_TOKEN)
                        .record(LatencyMetrics::prefillThroughputPerUser),
                metric(STREAM_SETUP_LATENCY, "Stream Setup Latency", null).unit(NANOSECONDS, MILLISECONDS)
                        .flags(STREAMING_ONLY, EXPERIMENTAL).record(LatencyMetrics::streamSetupLatency),
                metric(STREAM_PREFILL_LATENCY, "Stream Prefill Latency", null).unit(NANOSECONDS, MILLISECONDS)
                        .flags(STREAMING_ONLY, PRODUCES_TOKENS_ONLY, EXPERIMENTAL)
                        .requires(STREAM_SETUP_LATENCY, TIME_TO_FIRST_TOKEN)
                        .record(in -> in.longValue(TIME_TO_FIRST_TOKEN) - in.longValue(STREAM_SETUP_LATENCY)),
                metric(CREDIT_DROP_LATENCY, "Credit Drop Latency", "Credit Latency").unit(NANOSECONDS, MILLISECONDS)
                        .flags(INTERNAL).record(LatencyMetrics::creditDropLatency));
    }

    static Long timeToFirstToken(RecordInput in) {
        ParsedResponses content = in.contentResponses();
        return content.isEmpty() ? null : nonNegative(TIME_TO_FIRST_TOKEN, content.perfNs(0) - in.startPerfNs());
    }

    static Long timeToSecondToken(RecordInput in) {
        ParsedResponses content = in.contentResponses();
        if (content.size() < 2) {
            return null;
        }
        return nonNegative(TIME_TO_SECOND_TOKEN, content.perfNs(1) - content.perfNs(0));
    }

    /** The first response carrying non-reasoning output; reasoning-only chunks are skipped. */
    static Long timeToFirstOutputToken(RecordInput in) {
        ParsedResponses content = in.contentResponses();
        for (int i = 0; i < content.size(); i++) {
            if (content.hasOutputText(i)) {
                return nonNegative(TIME_TO_FIRST_OUTPUT_TOKEN, content.perfNs(i) - in.startPerfNs());
            }
        }
        return null;
    }

    /** Up to the last <em>content</em> response: usage-only and [DONE] chunks after it do not count. */
    static Long requestLatency(RecordInput in) {
        ParsedResponses content = in.contentResponses();
        return content.isEmpty() ? null
                : nonNegative(REQUEST_LATENCY, content.perfNs(content.size() - 1) - in.startPerfNs());
    }

    static Double interTokenLatency(RecordInput in) {
        long osl = in.longValue(OUTPUT_SEQUENCE_LENGTH);
        if (osl < 2) {
            return null;
        }
        return (double) (in.longValue(REQUEST_LATENCY) - in.longValue(TIME_TO_FIRST_TOKEN)) / (osl - 1);
    }

    static Double outputTokenThroughputPerUser(RecordInput in) {
        double itl = in.doubleValue(INTER_TOKEN_LATENCY);
        return itl == 0 ? null : 1.0 / (itl * NS_TO_SECONDS);
    }

    static double[] interChunkLatency(RecordInput in) {
        ParsedResponses content = in.contentResponses();
        if (content.size() < 2) {
            return null;
        }
        double[] gaps = new double[content.size() - 1];
        long previous = content.perfNs(0);
        for (int i = 1; i < content.size(); i++) {
            long arrived = content.perfNs(i);
            long gap = arrived - previous;
            if (gap < 0) {
                throw new MetricValueException("inter chunk latency: response " + i + " arrived before response " + (i - 1));
            }
            gaps[i - 1] = gap;
            previous = arrived;
        }
        return gaps;
    }

    static Double prefillThroughputPerUser(RecordInput in) {
        long ttft = in.longValue(TIME_TO_FIRST_TOKEN);
        return ttft == 0 ? null : in.longValue(INPUT_SEQUENCE_LENGTH) / (ttft * NS_TO_SECONDS);
    }

    static Long streamSetupLatency(RecordInput in) {
        Long recvStart = in.request().recvStartPerfNs();
        if (recvStart == null || recvStart == 0 || in.startPerfNs() == 0) {
            return null;
        }
        return nonNegative(STREAM_SETUP_LATENCY, recvStart - in.startPerfNs());
    }

    /** How late the request left compared with when the timing strategy meant it to go. */
    static Long creditDropLatency(RecordInput in) {
        long intended = in.request().intendedSendPerfNs();
        long lag = in.startPerfNs() - intended;
        return intended <= 0 || lag <= 0 ? null : lag;
    }

    private static Long nonNegative(String tag, long value) {
        if (value < 0) {
            throw new MetricValueException(tag + " is negative (" + value + " ns): a response precedes the request start");
        }
        return value;
    }
}
