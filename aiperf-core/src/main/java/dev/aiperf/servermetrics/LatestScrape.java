package dev.aiperf.servermetrics;

import dev.aiperf.prometheus.MetricFamily;
import dev.aiperf.prometheus.Sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gauge and counter values of one endpoint's last successful scrape, for a live view: each sample name with
 * the values of its series (one per label set). Immutable, so the scraping thread can hand it to any reader.
 *
 * @param url           the endpoint as scraped
 * @param scrapedAtNs   wall-clock epoch ns when the page arrived, or 0 before the first successful scrape
 * @param values        sample name to the value of each of its series, in exposition order
 */
public record LatestScrape(String url, long scrapedAtNs, Map<String, List<Double>> values) {
    public LatestScrape {
        values = Map.copyOf(values);
    }

    /** An endpoint not scraped successfully yet. */
    static LatestScrape none(String url) {
        return new LatestScrape(url, 0, Map.of());
    }

    /** The gauges, counters and untyped samples of one page (histograms and summaries are left out). */
    public static LatestScrape of(String url, long scrapedAtNs, List<MetricFamily> families) {
        Map<String, List<Double>> values = new HashMap<>();
        for (MetricFamily family : families) {
            switch (family.type()) {
                case GAUGE, COUNTER, UNKNOWN -> {
                    for (Sample sample : family.samples()) {
                        values.computeIfAbsent(sample.name(), k -> new ArrayList<>()).add(sample.value());
                    }
                }
                default -> {
                    // histograms, summaries, info and state sets: not a single current value
                }
            }
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return new LatestScrape(url, scrapedAtNs, values);
    }

    /** Whether a scrape has succeeded. */
    public boolean scraped() {
        return scrapedAtNs > 0;
    }

    /** The sum of the metric's series, or null when the page has none (NaN samples are skipped). */
    public Double sum(String metric) {
        List<Double> series = values.get(metric);
        if (series == null) {
            return null;
        }
        double sum = 0;
        int n = 0;
        for (double v : series) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum;
    }

    /** The mean of the metric's series, or null when the page has none (NaN samples are skipped). */
    public Double mean(String metric) {
        Double sum = sum(metric);
        if (sum == null) {
            return null;
        }
        long n = values.get(metric).stream().filter(v -> !Double.isNaN(v)).count();
        return sum / n;
    }
}
