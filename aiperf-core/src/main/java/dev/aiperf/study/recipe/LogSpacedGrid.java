package dev.aiperf.study.recipe;

import java.util.List;
import java.util.TreeSet;

/**
 * Whole numbers spread evenly on a log scale between two ends, both included, as upstream's recipes build their
 * grids: {@code steps} points {@code exp(log lo + (log hi - log lo) * i / (steps - 1))}, rounded, duplicates from
 * rounding dropped, ascending. E.g. 1..1000 in 8 steps is 1, 3, 7, 19, 52, 139, 373, 1000.
 */
public final class LogSpacedGrid {
    private LogSpacedGrid() {
    }

    /**
     * The grid.
     *
     * @throws IllegalArgumentException unless {@code 1 <= lo < hi} and {@code steps >= 2}
     */
    public static List<Integer> of(int lo, int hi, int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("a log-spaced grid needs 2 or more steps, got " + steps);
        }
        if (lo < 1 || hi <= lo) {
            throw new IllegalArgumentException("a log-spaced grid needs 1 <= min < max, got " + lo + ".." + hi);
        }
        double logLo = Math.log(lo);
        double logHi = Math.log(hi);
        TreeSet<Integer> values = new TreeSet<>();
        for (int i = 0; i < steps; i++) {
            // Python's round() is half-to-even; Math.rint is too, so grids match the original's.
            values.add(Math.max(1, (int) Math.rint(Math.exp(logLo + (logHi - logLo) * i / (steps - 1)))));
        }
        return List.copyOf(values);
    }
}
