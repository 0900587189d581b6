package dev.aiperf.artifacts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A run cut into equal time windows from its first request: requests and output tokens per second in
 * each, and the latency percentiles of the requests that started in it. The window width is a round
 * number (0.5, 1, 2, 5, 10 ... s) that gives about {@value #TARGET_WINDOWS} windows.
 *
 * @param widthSeconds the window width
 * @param windows      the windows in time order, empty ones included
 */
public record TimeWindows(double widthSeconds, List<Window> windows) {
    static final int TARGET_WINDOWS = 40;
    /** Narrower windows mostly show how completions bunch up at a fixed concurrency, not the rate. */
    static final double MIN_WIDTH_SECONDS = 0.5;
    private static final double[] ROUND_STEPS = {1, 2, 5};

    /**
     * One window.
     *
     * @param startSeconds      window start, seconds since the run's first request
     * @param requestsPerSecond requests that completed successfully in the window, per second
     * @param tokensPerSecond   output tokens per second; each request's tokens are spread evenly from its
     *                          first token to its end (from its start when there is no TTFT)
     * @param errors            requests that failed in the window
     * @param started           requests that started in the window
     */
    public record Window(double startSeconds, double requestsPerSecond, double tokensPerSecond, long errors,
                         long started) {
    }

    /**
     * Percentiles over the requests started in one window, for one metric.
     *
     * @param startSeconds window start
     * @param count        requests in the window with the metric
     * @param p50 the median
     * @param p95 the 95th percentile
     * @param p99 the 99th percentile
     * @param min the smallest value
     * @param max the largest value
     */
    public record WindowPercentiles(double startSeconds, int count, double p50, double p95, double p99, double min,
                                    double max) {
    }

    public static TimeWindows of(RunArtifacts run) {
        List<RequestSample> requests = run.requests();
        long zero = run.startNs();
        double span = requests.stream().mapToLong(r -> Math.max(r.endNs(), r.startNs()) - zero).max().orElse(0) / 1e9;
        double width = roundWidth(span / TARGET_WINDOWS);
        int count = Math.max(1, (int) Math.ceil(span / width - 1e-9));
        double[] completed = new double[count];
        double[] tokens = new double[count];
        long[] errors = new long[count];
        long[] started = new long[count];
        for (RequestSample r : requests) {
            double start = (r.startNs() - zero) / 1e9;
            double end = (r.endNs() - zero) / 1e9;
            started[index(start, width, count)]++;
            if (r.failed()) {
                errors[index(end, width, count)]++;
                continue;
            }
            completed[index(end, width, count)]++;
            if (r.outputTokens() != null && r.outputTokens() > 0) {
                double from = r.ttftMs() == null ? start : Math.min(end, start + r.ttftMs() / 1000);
                spread(tokens, r.outputTokens(), from, end, width, count);
            }
        }
        List<Window> windows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            windows.add(new Window(i * width, completed[i] / width, tokens[i] / width, errors[i], started[i]));
        }
        return new TimeWindows(width, windows);
    }

    /** Per-window percentiles of a request metric (by start time); windows without a value are left out. */
    public static List<WindowPercentiles> percentiles(RunArtifacts run, double widthSeconds,
                                                      Function<RequestSample, Double> metric) {
        long zero = run.startNs();
        List<List<Double>> byWindow = new ArrayList<>();
        for (RequestSample r : run.requests()) {
            Double value = metric.apply(r);
            if (value == null || r.failed()) {
                continue;
            }
            int i = (int) Math.floor((r.startNs() - zero) / 1e9 / widthSeconds);
            while (byWindow.size() <= i) {
                byWindow.add(new ArrayList<>());
            }
            byWindow.get(i).add(value);
        }
        List<WindowPercentiles> result = new ArrayList<>();
        for (int i = 0; i < byWindow.size(); i++) {
            double[] sorted = byWindow.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length > 0) {
                result.add(new WindowPercentiles(i * widthSeconds, sorted.length, Percentiles.ofSorted(sorted, 50),
                        Percentiles.ofSorted(sorted, 95), Percentiles.ofSorted(sorted, 99), sorted[0],
                        sorted[sorted.length - 1]));
            }
        }
        return result;
    }

    /** The smallest 1-2-5 step at least {@code raw} seconds, and at least {@value #MIN_WIDTH_SECONDS} s. */
    static double roundWidth(double raw) {
        raw = Math.max(raw, MIN_WIDTH_SECONDS);
        double magnitude = 0.1;
        while (true) {
            for (double step : ROUND_STEPS) {
                if (step * magnitude >= raw - 1e-12) {
                    return step * magnitude;
                }
            }
            magnitude *= 10;
        }
    }

    private static int index(double seconds, double width, int count) {
        return Math.min(count - 1, Math.max(0, (int) Math.floor(seconds / width)));
    }

    /** Adds {@code amount} to the windows over [from, to], each its share of the interval. */
    private static void spread(double[] windows, double amount, double from, double to, double width, int count) {
        if (to <= from) {
            windows[index(to, width, count)] += amount;
            return;
        }
        double rate = amount / (to - from);
        for (int i = index(from, width, count); i <= index(to, width, count); i++) {
            double overlap = Math.min(to, (i + 1) * width) - Math.max(from, i * width);
            if (i == count - 1) {
                overlap = to - Math.max(from, i * width); // the last window takes what rounding left over
            }
            windows[i] += Math.max(0, overlap) * rate;
        }
    }

    /** The windows' start times, seconds. */
    public double[] starts() {
        return windows.stream().mapToDouble(Window::startSeconds).toArray();
    }

    @Override
    public String toString() {
        return "TimeWindows[" + widthSeconds + " s x " + windows.size() + ": " + Arrays.toString(starts()) + "]";
    }
}
