package dev.aiperf.servermetrics;

import dev.aiperf.api.telemetry.ServerMetricTimeslice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server-metric series cut into {@code --slice-duration} windows (spec §6.3, as the original's exporter):
 * windows start at the profiling start, each as long as the slice duration, the last cut at the profiling end and
 * then marked incomplete. Gauges give {@code avg, min, max} of the samples in a window ({@code [start, end)}, the
 * profiling end included in the last); counters and histograms the change between the last readings at or before
 * the window's two ends. Counter rate statistics use the complete windows only.
 */
final class SeriesTimeslices {
    private SeriesTimeslices() {
    }

    /** One window: where it starts and ends and whether it is as long as the slice duration. */
    record Window(long startNs, long endNs, boolean complete) {
        double seconds() {
            return (endNs - startNs) / 1e9;
        }
    }

    /** The windows of {@code [startNs, endNs]}, or none when the range is empty. */
    static List<Window> windows(long startNs, long endNs, double sliceSeconds) {
        long size = Math.max(1, Math.round(sliceSeconds * 1e9));
        List<Window> windows = new ArrayList<>();
        for (long start = startNs; start < endNs; start += size) {
            long end = start + size;
            windows.add(new Window(start, Math.min(end, endNs), end <= endNs));
        }
        return windows;
    }

    /** Gauge windows with at least one sample; none when the profiling window holds fewer than two samples. */
    static List<ServerMetricTimeslice> gauge(ScalarSeries series, List<Window> windows, long startNs, long endNs) {
        int first = series.lastAtOrBefore(startNs - 1) + 1;
        int last = series.lastAtOrBefore(endNs);
        if (last - first + 1 < 2) {
            return List.of();
        }
        List<ServerMetricTimeslice> slices = new ArrayList<>();
        int i = first;
        for (int w = 0; w < windows.size(); w++) {
            Window window = windows.get(w);
            boolean lastWindow = w == windows.size() - 1;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int n = 0;
            for (; i <= last && (series.time(i) < window.endNs() || lastWindow); i++) {
                double value = series.value(i);
                if (!Double.isNaN(value)) {
                    sum += value;
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                    n++;
                }
            }
            if (n > 0) {
                Map<String, Number> values = new LinkedHashMap<>();
                values.put("avg", sum / n);
                values.put("min", min);
                values.put("max", max);
                slices.add(new ServerMetricTimeslice(window.startNs(), window.endNs(), window.complete(), values,
                        Map.of()));
            }
        }
        return slices;
    }

    /**
     * Counter windows: the increase from the last sample at or before the window's start (the first sample when
     * there is none) to the last at or before its end, a reset counted from zero as in the run's total.
     */
    static List<ServerMetricTimeslice> counter(ScalarSeries series, List<Window> windows, long startNs, long endNs) {
        int reference = Math.max(0, series.lastAtOrBefore(startNs));
        int last = series.lastAtOrBefore(endNs);
        if (last <= reference) {
            return List.of();
        }
        List<ServerMetricTimeslice> slices = new ArrayList<>();
        for (Window window : windows) {
            int from = Math.max(0, series.lastAtOrBefore(window.startNs()));
            int to = Math.max(0, series.lastAtOrBefore(window.endNs()));
            double total = 0;
            for (int i = from + 1; i <= to; i++) {
                double delta = series.value(i) - series.value(i - 1);
                total += delta >= 0 ? delta : series.value(i);
            }
            Map<String, Number> values = new LinkedHashMap<>();
            values.put("total", total);
            values.put("rate", window.seconds() > 0 ? total / window.seconds() : 0.0);
            slices.add(new ServerMetricTimeslice(window.startNs(), window.endNs(), window.complete(), values,
                    Map.of()));
        }
        return slices;
    }

    /** {@code rate_avg, rate_min, rate_max, rate_std} (sample std, 0 for one) of the complete counter windows. */
    static Map<String, Number> rateStats(List<ServerMetricTimeslice> slices) {
        double[] rates = slices.stream().filter(ServerMetricTimeslice::complete)
                .mapToDouble(s -> s.values().get("rate").doubleValue()).toArray();
        if (rates.length == 0) {
            return Map.of();
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double rate : rates) {
            sum += rate;
            min = Math.min(min, rate);
            max = Math.max(max, rate);
        }
        double mean = sum / rates.length;
        double squares = 0;
        for (double rate : rates) {
            squares += (rate - mean) * (rate - mean);
        }
        Map<String, Number> stats = new LinkedHashMap<>();
        stats.put("rate_avg", mean);
        stats.put("rate_min", min);
        stats.put("rate_max", max);
        stats.put("rate_std", rates.length > 1 ? Math.sqrt(squares / (rates.length - 1)) : 0.0);
        return stats;
    }

    /**
     * Histogram windows: count, sum, avg and bucket increases between the last readings at or before the window's
     * ends (nothing counted before the series' first reading). A window where the count or sum went backwards (a
     * reset) is left out; one where only a bucket did keeps its count but no buckets.
     */
    static List<ServerMetricTimeslice> histogram(HistogramSeries series, List<Window> windows) {
        List<String> bounds = series.bounds();
        List<ServerMetricTimeslice> slices = new ArrayList<>();
        for (Window window : windows) {
            HistogramSeries.Reading from = series.lastAtOrBefore(window.startNs());
            HistogramSeries.Reading to = series.lastAtOrBefore(window.endNs());
            if (to == null) {
                continue;
            }
            double count = to.count() - (from == null ? 0 : from.count());
            double sum = to.sum() - (from == null ? 0 : from.sum());
            if (count < 0 || sum < 0) {
                continue;
            }
            Map<String, Number> buckets = new LinkedHashMap<>();
            for (int i = 0; i < bounds.size(); i++) {
                double delta = zeroIfNaN(to.cumulative()[i]) - (from == null ? 0 : zeroIfNaN(from.cumulative()[i]));
                if (delta < 0) {
                    buckets.clear();
                    break;
                }
                buckets.put(bounds.get(i), Math.round(delta));
            }
            Map<String, Number> values = new LinkedHashMap<>();
            values.put("count", Math.round(count));
            values.put("sum", sum);
            values.put("avg", count > 0 ? sum / count : 0.0);
            slices.add(new ServerMetricTimeslice(window.startNs(), window.endNs(), window.complete(), values,
                    buckets));
        }
        return slices;
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
