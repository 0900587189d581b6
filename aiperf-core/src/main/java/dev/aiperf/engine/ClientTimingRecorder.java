package dev.aiperf.engine;

import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponses;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.ReceivedResponses;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far the client itself shaped what it measured (not in the original; see docs/honesty.md). The
 * original counts every latency from the moment a request went on the wire, so the time a request
 * waited on the client (behind a late scheduler, for a free connection) is in no metric: the
 * coordinated omission wrk2 corrects. This counts from the time the timing strategy meant each request
 * to go, splits off the client's own delays and, against a server that stamps each event with its send
 * time (the mock server), measures the client's own error per event.
 *
 * <p>Kept apart from the metric catalog on purpose: the original's files stay exactly as they were, and
 * these figures go to the {@code client_health} section of the summary JSON instead. Histograms (three
 * significant digits) rather than exact percentiles, because per-chunk figures would otherwise keep
 * one value per streamed token in memory. Used by the one thread that commits records.
 */
final class ClientTimingRecorder {

    /** One figure: its tag in the JSON, its name, and its values in nanoseconds. */
    enum Figure {
        SEND_LAG("send_lag", "Send Lag"),
        QUEUE_WAIT("queue_wait", "Client Queue Wait"),
        INTENDED_TIME_TO_FIRST_TOKEN("intended_time_to_first_token", "Time to First Token From Intended Send"),
        INTENDED_REQUEST_LATENCY("intended_request_latency", "Request Latency From Intended Send"),
        CHUNK_RECEIVE_DELAY("chunk_receive_delay", "Chunk Receive Delay"),
        FIRST_CHUNK_RECEIVE_DELAY("first_chunk_receive_delay", "First Chunk Receive Delay"),
        SENT_TIME_TO_FIRST_TOKEN("sent_time_to_first_token", "Server-Sent Time to First Token"),
        SENT_INTER_TOKEN_LATENCY("sent_inter_token_latency", "Server-Sent Inter Token Latency");

        final String tag;
        final String header;

        Figure(String tag, String header) {
            this.tag = tag;
            this.header = header;
        }
    }

    private static final double NS_PER_MS = 1e6;
    private static final List<Statistic> PERCENTILES = List.of(Statistic.P1, Statistic.P5, Statistic.P10,
            Statistic.P25, Statistic.P50, Statistic.P75, Statistic.P90, Statistic.P95, Statistic.P99);

    /** By figure ordinal, created on the first value: per streamed event a lookup here, so an array, not a map. */
    private final Histogram[] histograms = new Histogram[Figure.values().length];
    /** Stamped events that seemed to arrive before they were sent: the server is on another clock. */
    private long stampsFromAnotherClock;
    // The record being added: its content responses' count and first and last arrival (findContent).
    private int contentCount;
    private long firstContentNs;
    private long lastContentNs;

    /** Folds in one successful or failed profiling record. */
    void add(ParsedResponseRecord parsed) {
        RequestRecord request = parsed.request();
        long intended = request.intendedSendPerfNs();
        long start = request.startPerfNs();
        if (intended > 0) {
            record(Figure.SEND_LAG, start - intended);
        }
        if (request.handoffPerfNs() != null) {
            // From the hand-off to the transport to the write: a free connection, a connect, the I/O thread's turn.
            record(Figure.QUEUE_WAIT, start - request.handoffPerfNs());
        }
        if (request.hasError()) {
            return;
        }
        findContent(parsed.parsedResponses());
        if (intended > 0 && contentCount > 0) {
            record(Figure.INTENDED_TIME_TO_FIRST_TOKEN, firstContentNs - intended);
            record(Figure.INTENDED_REQUEST_LATENCY, lastContentNs - intended);
        }
        addStamps(stamps(request.responses()), request.startPerfNs());
    }

    /** The responses' stamps as arrays: the transport's own when it stored them so, else copied out of the objects. */
    private static ReceivedResponses stamps(List<InferenceResponse> responses) {
        if (responses instanceof ReceivedResponses received) {
            return received;
        }
        int n = responses.size();
        long[] arrived = new long[n];
        long[] sent = new long[n];
        for (int i = 0; i < n; i++) {
            arrived[i] = responses.get(i).perfNs();
            sent[i] = responses.get(i).serverSentNs();
        }
        return ReceivedResponses.of(InferenceResponse.Kind.SSE, new byte[0], new int[n], arrived, sent, n);
    }

    /**
     * Sets the arrival times of the record's first and last content responses and how many there are: fields of
     * this single-threaded recorder rather than an object per record.
     */
    private void findContent(ParsedResponses responses) {
        int count = 0;
        long first = 0;
        long last = 0;
        for (int i = 0; i < responses.size(); i++) {
            if (responses.hasContent(i)) {
                if (count == 0) {
                    first = responses.perfNs(i);
                }
                last = responses.perfNs(i);
                count++;
            }
        }
        contentCount = count;
        firstContentNs = first;
        lastContentNs = last;
    }

    /**
     * Against a stamping server: receive delay of every event, and the server's own TTFT and ITL. Read from the
     * received arrays, not from an object per event.
     */
    private void addStamps(ReceivedResponses responses, long startPerfNs) {
        boolean any = false;
        int n = responses.size();
        for (int i = 0; i < n; i++) {
            long sent = responses.serverSentNs(i);
            if (sent != 0L) {
                any = true;
                long delay = responses.perfNs(i) - sent;
                if (delay < 0) {
                    stampsFromAnotherClock++;
                } else {
                    record(Figure.CHUNK_RECEIVE_DELAY, delay);
                }
            }
        }
        if (any && contentCount > 0) {
            addServerSentLatencies(responses, startPerfNs);
        }
    }

    /** The first content event's receive delay and the server's own TTFT and ITL (the events are stamped). */
    private void addServerSentLatencies(ReceivedResponses responses, long startPerfNs) {
        int first = raw(responses, firstContentNs, false);
        if (first < 0) {
            return;
        }
        long firstSent = responses.serverSentNs(first);
        long firstArrived = responses.perfNs(first);
        if (firstSent == 0L || firstArrived < firstSent) {
            return;
        }
        record(Figure.FIRST_CHUNK_RECEIVE_DELAY, firstArrived - firstSent);
        record(Figure.SENT_TIME_TO_FIRST_TOKEN, firstSent - startPerfNs);
        int last = contentCount < 2 ? -1 : raw(responses, lastContentNs, true);
        if (last >= 0 && responses.serverSentNs(last) != 0L) {
            record(Figure.SENT_INTER_TOKEN_LATENCY,
                    Math.round((double) (responses.serverSentNs(last) - firstSent) / (contentCount - 1)));
        }
    }

    /**
     * The index of the raw event that arrived at {@code perfNs}, or -1: the first such one, or the last. Events
     * that arrive in one read share that stamp. With the mock server every event before [DONE] carries a token, so
     * the first is the first content event; the last may be a trailing usage or [DONE] event sent with the last
     * token, whose stamp is the same.
     */
    private static int raw(ReceivedResponses responses, long perfNs, boolean last) {
        int found = -1;
        for (int i = 0; i < responses.size(); i++) {
            if (responses.perfNs(i) == perfNs) {
                found = i;
                if (!last) {
                    return found;
                }
            } else if (found >= 0) {
                break;
            }
        }
        return found;
    }

    private void record(Figure figure, long nanos) {
        Histogram histogram = histograms[figure.ordinal()];
        if (histogram == null) {
            histogram = new Histogram(3);
            histograms[figure.ordinal()] = histogram;
        }
        histogram.recordValue(Math.max(0L, nanos));
    }

    /** Stamped events whose stamp was after their arrival: the server is on another machine or clock. */
    long stampsFromAnotherClock() {
        return stampsFromAnotherClock;
    }

    /** The figure's distribution in milliseconds, or null when nothing was recorded. */
    MetricResult result(Figure figure) {
        Histogram histogram = histograms[figure.ordinal()];
        if (histogram == null || histogram.getTotalCount() == 0) {
            return null;
        }
        Map<Statistic, Double> statistics = new EnumMap<>(Statistic.class);
        statistics.put(Statistic.AVG, histogram.getMean() / NS_PER_MS);
        statistics.put(Statistic.MIN, histogram.getMinValue() / NS_PER_MS);
        statistics.put(Statistic.MAX, histogram.getMaxValue() / NS_PER_MS);
        statistics.put(Statistic.STD, histogram.getStdDeviation() / NS_PER_MS);
        for (Statistic percentile : PERCENTILES) {
            statistics.put(percentile, histogram.getValueAtPercentile(percentile.percentile()) / NS_PER_MS);
        }
        return new MetricResult(figure.tag, figure.header, "ms", Set.of(), null, statistics,
                histogram.getTotalCount());
    }

    /** Every figure that has values, in declaration order. */
    List<MetricResult> results() {
        List<MetricResult> results = new ArrayList<>();
        for (Figure figure : Figure.values()) {
            MetricResult result = result(figure);
            if (result != null) {
                results.add(result);
            }
        }
        return results;
    }
}
