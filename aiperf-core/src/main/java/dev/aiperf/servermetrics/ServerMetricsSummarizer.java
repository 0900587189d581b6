package dev.aiperf.servermetrics;

import dev.aiperf.api.telemetry.ServerMetric;
import dev.aiperf.api.telemetry.ServerMetricSeries;
import dev.aiperf.api.telemetry.ServerMetricTimeslice;
import dev.aiperf.api.telemetry.ServerMetricsEndpointInfo;
import dev.aiperf.api.telemetry.ServerMetricsResults;
import dev.aiperf.metrics.DistributionStatistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistics of the scraped series over the profiling window (spec §6.3): gauges from their samples in the window;
 * counters and histograms as the change from the last reading at or before the window's start (the baseline) to the
 * last reading (the scrape taken after profiling), counter resets counted from zero. With a slice duration, each
 * series also gets its {@link SeriesTimeslices timeslices}.
 */
final class ServerMetricsSummarizer {
    private static final int[] PERCENTILES = {1, 5, 10, 25, 50, 75, 90, 95, 99};

    private ServerMetricsSummarizer() {
    }

    static ServerMetricsResults summarize(List<EndpointScrapes> endpoints, List<String> configured, long startNs,
                                          long endNs) {
        return summarize(endpoints, configured, startNs, endNs, null);
    }

    /**
     * @param sliceSeconds {@code --slice-duration}: each series also gets its timeslices and counters their rate
     *                     statistics over the complete slices; null for none
     */
    static ServerMetricsResults summarize(List<EndpointScrapes> endpoints, List<String> configured, long startNs,
                                          long endNs, Double sliceSeconds) {
        double durationSeconds = Math.max(1e-9, (endNs - startNs) / 1e9);
        List<SeriesTimeslices.Window> windows = sliceSeconds == null ? List.of()
                : SeriesTimeslices.windows(startNs, endNs, sliceSeconds);
        Map<String, Builder> metrics = new TreeMap<>();
        Map<String, ServerMetricsEndpointInfo> info = new TreeMap<>();
        List<String> successful = new ArrayList<>();
        for (EndpointScrapes endpoint : endpoints) {
            if (!endpoint.successful()) {
                continue;
            }
            successful.add(endpoint.url());
            info.put(endpoint.url(), endpointInfo(endpoint));
            for (Map.Entry<SeriesKey, ScalarSeries> entry : endpoint.scalars.entrySet()) {
                MetricInfo metric = endpoint.metrics.get(entry.getKey().metric());
                boolean counter = metric.type().equals("counter");
                Map<String, Number> stats = counter
                        ? counterStats(entry.getValue(), startNs, durationSeconds)
                        : gaugeStats(entry.getValue(), startNs, endNs);
                if (stats != null) {
                    List<ServerMetricTimeslice> slices = List.of();
                    if (!windows.isEmpty()) {
                        slices = counter ? SeriesTimeslices.counter(entry.getValue(), windows, startNs, endNs)
                                : SeriesTimeslices.gauge(entry.getValue(), windows, startNs, endNs);
                        if (counter) {
                            stats.putAll(SeriesTimeslices.rateStats(slices));
                        }
                    }
                    metrics.computeIfAbsent(entry.getKey().metric(), k -> new Builder(metric))
                            .series.add(new ServerMetricSeries(endpoint.url(), entry.getKey().labels(), stats,
                                    Map.of(), slices));
                }
            }
            for (Map.Entry<SeriesKey, HistogramSeries> entry : endpoint.histograms.entrySet()) {
                MetricInfo metric = endpoint.metrics.get(entry.getKey().metric());
                metrics.computeIfAbsent(entry.getKey().metric(), k -> new Builder(metric))
                        .series.add(histogramSeries(endpoint.url(), entry.getKey(), entry.getValue(), startNs,
                                durationSeconds, windows));
            }
        }
        Map<String, ServerMetric> result = new LinkedHashMap<>();
        for (Map.Entry<String, Builder> entry : metrics.entrySet()) {
            Builder builder = entry.getValue();
            builder.series.sort(Comparator.comparing(ServerMetricSeries::endpointUrl)
                    .thenComparing(s -> s.labels().toString()));
            result.put(entry.getKey(), new ServerMetric(builder.info.type(), builder.info.description(),
                    UnitInference.of(entry.getKey(), builder.info.description()), builder.series));
        }
        return new ServerMetricsResults(configured, successful, startNs, endNs, info, result);
    }

    private static final class Builder {
        final MetricInfo info;
        final List<ServerMetricSeries> series = new ArrayList<>();

        Builder(MetricInfo info) {
            this.info = info;
        }
    }

    /** avg, min, max, std (sample, ddof 1), p1..p99 of the samples in the window (else of the samples after it). */
    static Map<String, Number> gaugeStats(ScalarSeries series, long startNs, long endNs) {
        double[] values = new double[series.size()];
        int n = 0;
        for (int i = 0; i < series.size(); i++) {
            if (series.time(i) >= startNs && series.time(i) <= endNs && !Double.isNaN(series.value(i))) {
                values[n++] = series.value(i);
            }
        }
        if (n == 0) {
            for (int i = 0; i < series.size(); i++) {
                if (series.time(i) >= startNs && !Double.isNaN(series.value(i))) {
                    values[n++] = series.value(i);
                }
            }
        }
        if (n == 0) {
            return null;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        double mean = DistributionStatistics.mean(values, n);
        double squares = 0;
        for (int i = 0; i < n; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        Map<String, Number> stats = new LinkedHashMap<>();
        stats.put("avg", mean);
        stats.put("min", sorted[0]);
        stats.put("max", sorted[n - 1]);
        stats.put("std", n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0);
        for (int p : PERCENTILES) {
            stats.put("p" + p, DistributionStatistics.percentileOfSorted(sorted, n, p));
        }
        return stats;
    }

    /** total (resets clamped) and rate over the window. */
    static Map<String, Number> counterStats(ScalarSeries series, long startNs, double durationSeconds) {
        int size = series.size();
        if (size == 0) {
            return null;
        }
        int reference = series.lastAtOrBefore(startNs);
        if (reference < 0) {
            reference = 0;
        }
        double total = 0;
        for (int i = reference + 1; i < size; i++) {
            double delta = series.value(i) - series.value(i - 1);
            total += delta >= 0 ? delta : series.value(i); // a reset: the counter restarted from zero
        }
        Map<String, Number> stats = new LinkedHashMap<>();
        stats.put("total", total);
        stats.put("rate", total / durationSeconds);
        return stats;
    }

    private static ServerMetricSeries histogramSeries(String url, SeriesKey key, HistogramSeries series, long startNs,
                                                      double durationSeconds, List<SeriesTimeslices.Window> windows) {
        List<String> bounds = series.bounds();
        HistogramSeries.Reading last = series.readings().getLast();
        HistogramSeries.Reading reference = series.lastAtOrBefore(startNs);
        double count = last.count() - (reference == null ? 0 : reference.count());
        double sum = last.sum() - (reference == null ? 0 : reference.sum());
        if (count < 0) { // reset during the run: what the server counted since
            count = last.count();
            sum = last.sum();
            reference = null;
        }
        double[] cumulative = new double[bounds.size()];
        for (int i = 0; i < cumulative.length; i++) {
            double now = zeroIfNaN(last.cumulative()[i]);
            double before = reference == null ? 0 : zeroIfNaN(reference.cumulative()[i]);
            cumulative[i] = Math.max(0, now - before);
        }
        Map<String, Number> stats = new LinkedHashMap<>();
        stats.put("count", Math.round(count));
        Map<String, Number> buckets = new LinkedHashMap<>();
        if (count > 0) {
            stats.put("sum", sum);
            stats.put("avg", sum / count);
            stats.put("count_rate", count / durationSeconds);
            stats.put("sum_rate", sum / durationSeconds);
            for (int p : PERCENTILES) {
                double estimate = HistogramQuantiles.estimate(bounds, cumulative, p / 100.0);
                if (!Double.isNaN(estimate)) {
                    stats.put("p" + p + "_estimate", estimate);
                }
            }
        }
        for (int i = 0; i < cumulative.length; i++) {
            buckets.put(bounds.get(i), Math.round(cumulative[i]));
        }
        // As the original: a histogram that saw nothing in the window has no slices either.
        List<ServerMetricTimeslice> slices = count > 0 && !windows.isEmpty()
                ? SeriesTimeslices.histogram(series, windows) : List.of();
        return new ServerMetricSeries(url, key.labels(), stats, buckets, slices);
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static ServerMetricsEndpointInfo endpointInfo(EndpointScrapes endpoint) {
        List<Long> fetches = endpoint.fetchTimes;
        double latencyMs = endpoint.fetchLatencies.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        List<Long> updates = endpoint.updateTimes;
        Double avgInterval = null;
        Double medianInterval = null;
        if (updates.size() > 1) {
            double[] intervals = new double[updates.size() - 1];
            for (int i = 1; i < updates.size(); i++) {
                intervals[i - 1] = (updates.get(i) - updates.get(i - 1)) / 1e6;
            }
            avgInterval = Arrays.stream(intervals).average().orElse(0);
            Arrays.sort(intervals);
            medianInterval = DistributionStatistics.percentileOfSorted(intervals, intervals.length, 50);
        }
        long first = fetches.getFirst();
        long lastFetch = fetches.getLast();
        return new ServerMetricsEndpointInfo(fetches.size(), first, lastFetch, latencyMs, updates.size(),
                updates.getFirst(), updates.getLast(), (lastFetch - first) / 1e9, avgInterval, medianInterval);
    }
}
