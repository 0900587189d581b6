package dev.aiperf.plot;

import dev.aiperf.artifacts.RequestSample;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A per-request latency the plots draw, with its summary tag (the file-name stem) and axis title.
 *
 * @param tag   the metric's tag, e.g. {@code time_to_first_token}
 * @param title the axis title with its unit
 * @param value the request's value, null when it has none
 */
public record RequestMetric(String tag, String title, Function<RequestSample, Double> value) {
    public static final RequestMetric TTFT = new RequestMetric("time_to_first_token", "Time to First Token (ms)",
            RequestSample::ttftMs);
    public static final RequestMetric ITL = new RequestMetric("inter_token_latency", "Inter Token Latency (ms)",
            RequestSample::itlMs);
    public static final RequestMetric LATENCY = new RequestMetric("request_latency", "Request Latency (ms)",
            RequestSample::latencyMs);

    /** The three latencies every run is judged by. */
    public static final List<RequestMetric> LATENCIES = List.of(TTFT, ITL, LATENCY);

    /** The values of the successful requests that have this metric. */
    public double[] values(List<RequestSample> requests) {
        return requests.stream().filter(r -> !r.failed()).map(value).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
    }
}
