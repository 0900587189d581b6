package dev.aiperf.study.recipe;

import dev.aiperf.study.CellResult;
import dev.aiperf.study.SweepAggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The (swept value, metric) points of a sweep along one parameter, ascending by the swept value, as the
 * original's post-process handlers extract them: a cell that did not measure the metric is left out.
 */
final class SweepPoints {
    /** One point: the swept value as the cell has it (an {@code Integer}), the metric's mean over the cell's runs. */
    record Point(Number x, double y, CellResult cell) {
    }

    private SweepPoints() {
    }

    /** The points of {@code <tag>_<stat>} along {@code parameter}; empty when no cell measured it. */
    static List<Point> of(SweepAggregate sweep, String parameter, String tag, String stat) {
        List<Point> points = new ArrayList<>();
        for (CellResult cell : sweep.cells()) {
            Object x = cell.parameters().get(parameter);
            Double y = cell.mean(tag + "_" + stat);
            if (x instanceof Number n && y != null) {
                points.add(new Point(n, y, cell));
            }
        }
        points.sort(Comparator.comparingDouble(p -> p.x().doubleValue()));
        return points;
    }

    /** The unit the cells report {@code <tag>_<stat>} in, or an empty string. */
    static String unit(SweepAggregate sweep, String tag, String stat) {
        return sweep.cells().stream().map(c -> c.unit(tag + "_" + stat)).filter(u -> u != null).findFirst()
                .orElse("");
    }

    /** Why a metric is missing from every cell: TTFT and ITL need streaming. */
    static String missing(String handler, String parameter, String tag, String stat) {
        return handler + ": no cell measured " + tag + " " + stat + " along " + parameter
                + (tag.equals("time_to_first_token") || tag.equals("inter_token_latency")
                ? " (it needs --streaming and successful requests)" : " (no cell had a successful request)");
    }
}
