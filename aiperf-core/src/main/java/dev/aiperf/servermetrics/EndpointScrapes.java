package dev.aiperf.servermetrics;

import dev.aiperf.prometheus.MetricFamily;
import dev.aiperf.prometheus.Sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything scraped from one endpoint: the series of each metric and how the fetches went. Written by the
 * telemetry thread only; read after collection stopped.
 */
final class EndpointScrapes {
    private final String url;
    final Map<String, MetricInfo> metrics = new LinkedHashMap<>();
    final Map<SeriesKey, ScalarSeries> scalars = new LinkedHashMap<>();
    final Map<SeriesKey, HistogramSeries> histograms = new LinkedHashMap<>();
    final List<Long> fetchTimes = new ArrayList<>();
    final List<Long> fetchLatencies = new ArrayList<>();
    final List<Long> updateTimes = new ArrayList<>();
    private int lastBodyHash;
    private boolean anyBody;

    EndpointScrapes(String url) {
        this.url = url;
    }

    String url() {
        return url;
    }

    boolean successful() {
        return !fetchTimes.isEmpty();
    }

    /** Adds one scrape: its families (summaries are not kept, as in the original) at {@code timeNs}. */
    void add(long timeNs, long latencyNs, int bodyHash, List<MetricFamily> families) {
        fetchTimes.add(timeNs);
        fetchLatencies.add(latencyNs);
        if (!anyBody || bodyHash != lastBodyHash) {
            updateTimes.add(timeNs);
        }
        anyBody = true;
        lastBodyHash = bodyHash;
        for (MetricFamily family : families) {
            switch (family.type()) {
                case COUNTER -> addCounter(timeNs, family);
                case GAUGE, UNKNOWN -> addScalars(timeNs, family, family.type().name().toLowerCase(), family.name());
                case INFO -> addScalars(timeNs, family, "gauge", family.name().endsWith("_info") ? family.name()
                        : family.name() + "_info");
                case HISTOGRAM -> addHistograms(timeNs, family);
                default -> {
                    // summaries, gauge histograms and state sets are not exported (as in the original)
                }
            }
        }
    }

    private void addCounter(long timeNs, MetricFamily family) {
        for (Sample sample : family.samples()) {
            if (sample.name().endsWith("_created")) {
                continue;
            }
            String name = sample.name();
            metrics.putIfAbsent(name, new MetricInfo("counter", family.help()));
            scalars.computeIfAbsent(new SeriesKey(name, sample.labels()), k -> new ScalarSeries())
                    .add(timeNs, sample.value());
        }
    }

    private void addScalars(long timeNs, MetricFamily family, String type, String name) {
        metrics.putIfAbsent(name, new MetricInfo(type, family.help()));
        for (Sample sample : family.samples()) {
            scalars.computeIfAbsent(new SeriesKey(name, sample.labels()), k -> new ScalarSeries())
                    .add(timeNs, sample.value());
        }
    }

    private void addHistograms(long timeNs, MetricFamily family) {
        String name = family.name();
        Map<Map<String, String>, Accumulating> bySeries = new LinkedHashMap<>();
        for (Sample sample : family.samples()) {
            String sampleName = sample.name();
            if (sampleName.endsWith("_bucket")) {
                Map<String, String> labels = new LinkedHashMap<>(sample.labels());
                String le = labels.remove("le");
                if (le != null) {
                    bySeries.computeIfAbsent(labels, k -> new Accumulating()).buckets.put(le, sample.value());
                }
            } else if (sampleName.endsWith("_sum")) {
                bySeries.computeIfAbsent(sample.labels(), k -> new Accumulating()).sum = sample.value();
            } else if (sampleName.endsWith("_count")) {
                bySeries.computeIfAbsent(sample.labels(), k -> new Accumulating()).count = sample.value();
            }
        }
        if (bySeries.isEmpty()) {
            return;
        }
        metrics.putIfAbsent(name, new MetricInfo("histogram", family.help()));
        for (Map.Entry<Map<String, String>, Accumulating> entry : bySeries.entrySet()) {
            Accumulating reading = entry.getValue();
            SeriesKey key = new SeriesKey(name, entry.getKey());
            HistogramSeries series = histograms.computeIfAbsent(key,
                    k -> new HistogramSeries(HistogramBounds.sorted(reading.buckets.keySet())));
            double[] cumulative = new double[series.bounds().size()];
            for (int i = 0; i < cumulative.length; i++) {
                Double value = reading.buckets.get(series.bounds().get(i));
                cumulative[i] = value == null ? Double.NaN : value;
            }
            double count = Double.isNaN(reading.count) ? reading.buckets.getOrDefault("+Inf", 0.0) : reading.count;
            series.add(timeNs, count, Double.isNaN(reading.sum) ? 0 : reading.sum, cumulative);
        }
    }

    /** The parts of one histogram series while its samples are read. */
    private static final class Accumulating {
        final Map<String, Double> buckets = new HashMap<>();
        double sum = Double.NaN;
        double count = Double.NaN;
    }
}
