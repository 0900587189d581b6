package dev.aiperf.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every built-in metric, in declaration order. The definitions are fixed; a run builds its own
 * metric list with {@link #build} because goodput's SLOs and some thresholds are set per run.
 */
public final class MetricCatalog {
    private static final Map<String, MetricDefinition> DEFINITIONS = index(build(GoodputSlos.NONE, MetricsEnvironment.DEFAULTS));

    private MetricCatalog() {
    }

    /** All built-in metrics for a run with these SLOs and thresholds. */
    public static List<Metric> build(GoodputSlos slos, MetricsEnvironment environment) {
        List<Metric> metrics = new ArrayList<>();
        metrics.addAll(LatencyMetrics.all());
        metrics.addAll(TokenMetrics.recordMetrics());
        metrics.addAll(UsageMetrics.recordMetrics());
        metrics.addAll(ImageMetrics.recordMetrics());
        metrics.addAll(OslMismatchMetrics.all(environment.oslMismatchPctThreshold(),
                environment.oslMismatchMaxTokenThreshold()));
        metrics.addAll(RunMetrics.aggregates());
        metrics.add(UsageMetrics.discrepancyCount(environment.usagePctDiffThreshold()));
        Map<String, MetricDefinition> sources = index(metrics);
        metrics.addAll(TokenMetrics.totals(sources::get));
        metrics.addAll(UsageMetrics.totals(sources::get));
        metrics.addAll(ImageMetrics.totals(sources::get));
        metrics.addAll(RunMetrics.derived());
        metrics.addAll(GoodputMetrics.all(slos));
        return List.copyOf(metrics);
    }

    /** The definition of a built-in metric. */
    public static Optional<MetricDefinition> definition(String tag) {
        return Optional.ofNullable(DEFINITIONS.get(tag));
    }

    /** Every built-in definition, in declaration order. */
    public static List<MetricDefinition> definitions() {
        return List.copyOf(DEFINITIONS.values());
    }

    private static Map<String, MetricDefinition> index(List<Metric> metrics) {
        Map<String, MetricDefinition> byTag = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            if (byTag.put(metric.tag(), metric.definition()) != null) {
                throw new IllegalStateException("metric tag declared twice: " + metric.tag());
            }
        }
        return byTag;
    }
}
