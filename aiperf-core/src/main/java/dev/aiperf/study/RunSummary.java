package dev.aiperf.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metric values of one finished run, read back from its {@code profile_export_aiperf.json} as the
 * original's aggregator does (metrics spec §5.7): every top-level object with a {@code unit} is a metric,
 * and each of its numeric fields a statistic, flattened to keys {@code <tag>_<stat>} (e.g.
 * {@code time_to_first_token_p99}), the aggregates' key form.
 * Reading the file rather than the run's memory keeps the aggregate equal to what the run exported.
 *
 * @param label  the run's label ({@code run_0001}, {@code concurrency_4}, ...)
 * @param values {@code <tag>_<stat>} to value, in the file's order
 * @param units  {@code <tag>_<stat>} to the metric's display unit
 */
public record RunSummary(String label, Map<String, Double> values, Map<String, String> units) {
    public RunSummary {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    /**
     * Reads {@code file} through the shared summary reader ({@link dev.aiperf.summary.RunSummary}), leaving out its
     * derived {@code error_rate}: the original's aggregate has only what the run exported.
     */
    public static RunSummary read(String label, Path file) throws IOException {
        dev.aiperf.summary.RunSummary summary;
        try {
            summary = dev.aiperf.summary.RunSummary.read(file);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot read the run summary: " + e.getMessage(), e);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        summary.metrics().forEach((tag, metric) -> {
            if (tag.equals(dev.aiperf.summary.RunSummary.ERROR_RATE)) {
                return;
            }
            metric.statistics().forEach((stat, value) -> {
                values.put(tag + "_" + stat, value);
                units.put(tag + "_" + stat, metric.unit());
            });
        });
        return new RunSummary(label, values, units);
    }

    /** The value of {@code <tag>_<stat>}, or null when the run did not measure it. */
    public Double value(String tag, String stat) {
        return values.get(tag + "_" + stat);
    }
}
