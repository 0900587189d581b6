package dev.aiperf.servermetrics;

import dev.aiperf.export.JsonText;
import dev.aiperf.export.WholeLineFile;
import dev.aiperf.prometheus.MetricFamily;
import dev.aiperf.prometheus.MetricsFetcher;
import dev.aiperf.prometheus.Sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code server_metrics_export.jsonl} ({@code --server-metrics-formats jsonl}): one line per scrape, written as it
 * happens: {@code {endpoint_url, timestamp_ns, endpoint_latency_ns, metrics: {name: [{labels, value}] or
 * [{labels, buckets, sum, count}]}, request_sent_ns}}.
 */
public final class ServerMetricsJsonlWriter implements AutoCloseable {
    public static final String FILE = "server_metrics_export.jsonl";

    private final WholeLineFile file;
    private final Consumer<String> warnings;
    private boolean failed;

    public ServerMetricsJsonlWriter(Path artifactDir, Consumer<String> warnings) throws IOException {
        this(artifactDir, FILE, warnings);
    }

    /** Writes {@code fileName} ({@code X_server_metrics.jsonl} with a {@code --profile-export-prefix}). */
    public ServerMetricsJsonlWriter(Path artifactDir, String fileName, Consumer<String> warnings) throws IOException {
        this.file = new WholeLineFile(artifactDir.resolve(fileName));
        this.warnings = warnings;
    }

    void write(String url, MetricsFetcher.Page page, List<MetricFamily> families) {
        if (failed) {
            return;
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (MetricFamily family : families) {
            switch (family.type()) {
                case HISTOGRAM -> metrics.put(family.name(), histograms(family));
                case SUMMARY, GAUGE_HISTOGRAM, STATESET -> {
                    // not kept, as in the original
                }
                default -> {
                    for (Sample sample : family.samples()) {
                        if (!sample.name().endsWith("_created")) {
                            @SuppressWarnings("unchecked")
                            List<Object> values = (List<Object>) metrics.computeIfAbsent(sample.name(),
                                    k -> new ArrayList<>());
                            Map<String, Object> value = new LinkedHashMap<>();
                            value.put("labels", sample.labels().isEmpty() ? null : sample.labels());
                            value.put("value", sample.value());
                            values.add(value);
                        }
                    }
                }
            }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("endpoint_url", url);
        line.put("timestamp_ns", page.doneWallNs());
        line.put("endpoint_latency_ns", page.latencyNs());
        line.put("metrics", metrics);
        line.put("request_sent_ns", page.sentWallNs());
        try {
            file.append(JsonText.compact(line));
            file.flush();
        } catch (IOException e) {
            failed = true;
            warnings.accept("server metrics: " + e.getMessage());
        }
    }

    private static List<Object> histograms(MetricFamily family) {
        Map<Map<String, String>, Map<String, Object>> bySeries = new LinkedHashMap<>();
        for (Sample sample : family.samples()) {
            Map<String, String> labels = new LinkedHashMap<>(sample.labels());
            String le = labels.remove("le");
            Map<String, Object> series = bySeries.computeIfAbsent(labels, k -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("labels", k.isEmpty() ? null : k);
                s.put("buckets", new LinkedHashMap<String, Object>());
                return s;
            });
            if (sample.name().endsWith("_bucket") && le != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> buckets = (Map<String, Object>) series.get("buckets");
                buckets.put(le, sample.value());
            } else if (sample.name().endsWith("_sum")) {
                series.put("sum", sample.value());
            } else if (sample.name().endsWith("_count")) {
                series.put("count", sample.value());
            }
        }
        return new ArrayList<>(bySeries.values());
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
