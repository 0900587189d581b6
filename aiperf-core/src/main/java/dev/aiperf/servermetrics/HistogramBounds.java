package dev.aiperf.servermetrics;

import dev.aiperf.prometheus.PrometheusTextParser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Histogram upper bounds ({@code le} label values) in numeric order, {@code +Inf} last. */
final class HistogramBounds {
    private HistogramBounds() {
    }

    static List<String> sorted(Collection<String> les) {
        List<String> bounds = new ArrayList<>(les);
        bounds.sort(Comparator.comparingDouble(HistogramBounds::value));
        return bounds;
    }

    static double value(String le) {
        try {
            return PrometheusTextParser.parseValue(le);
        } catch (IllegalArgumentException e) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
