package dev.aiperf.artifacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The runs no other run beats on both throughput (higher is better) and latency (lower is better): the
 * trade-off curve of a sweep.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /**
     * One run's position.
     *
     * @param label      the run's name
     * @param latency    its latency (x, lower is better)
     * @param throughput its throughput (y, higher is better)
     */
    public record Point(String label, double latency, double throughput) {
    }

    /** The points on the front, by increasing latency. A point is dominated when another is no worse on
     * both and better on one. */
    public static List<Point> of(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::latency).thenComparing(Comparator.comparingDouble(Point::throughput)
                .reversed()));
        List<Point> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Point p : sorted) {
            if (p.throughput() > best) {
                front.add(p);
                best = p.throughput();
            }
        }
        return front;
    }

    /** The x of a run: its median request latency, ms. */
    public static final String LATENCY_TAG = "request_latency";

    /**
     * The run as a point: median request latency against output token throughput (request throughput
     * when the run counted no tokens); null when it has neither.
     */
    public static Point point(RunArtifacts run, String throughputTag) {
        Double latency = run.stat(LATENCY_TAG, "p50");
        Double throughput = run.stat(throughputTag, "avg");
        return latency == null || throughput == null ? null : new Point(run.label(), latency, throughput);
    }

    /** The runs that measured both, as points, in the order given. */
    public static List<Point> points(List<RunArtifacts> runs, String throughputTag) {
        return runs.stream().map(r -> point(r, throughputTag)).filter(Objects::nonNull).toList();
    }

    /** {@code output_token_throughput} when every run has it, else {@code request_throughput}. */
    public static String throughputTag(List<RunArtifacts> runs) {
        return runs.stream().allMatch(r -> r.stat("output_token_throughput", "avg") != null)
                ? "output_token_throughput" : "request_throughput";
    }
}
