package dev.aiperf.metrics;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.EndpointMetadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics one run computes, in dependency order: the catalogue filtered by applicability, with
 * goodput's SLOs resolved. Immutable and shared by the record and results processors.
 */
public final class ActiveMetrics {
    private final List<Metric> perRecord;
    private final List<DerivedMetric> derived;
    private final Map<String, Metric> byTag;
    private final MetricsEnvironment environment;

    private ActiveMetrics(List<Metric> ordered, MetricsEnvironment environment) {
        this.environment = environment;
        List<Metric> records = new ArrayList<>();
        List<DerivedMetric> derivations = new ArrayList<>();
        Map<String, Metric> index = new HashMap<>();
        for (Metric metric : ordered) {
            index.put(metric.tag(), metric);
            if (metric instanceof DerivedMetric d) {
                derivations.add(d);
            } else {
                records.add(metric);
            }
        }
        this.perRecord = List.copyOf(records);
        this.derived = List.copyOf(derivations);
        this.byTag = Map.copyOf(index);
    }

    /**
     * The active metrics of a run.
     *
     * @throws IllegalArgumentException when {@code --goodput} names a metric that is unknown or not measured
     */
    public static ActiveMetrics forRun(BenchmarkConfig config, EndpointMetadata endpoint, MetricsEnvironment environment) {
        MetricApplicability applicability = MetricApplicability.of(config, endpoint, environment);
        GoodputSlos slos = GoodputSlos.resolve(config.output().goodput(), applicability);
        List<Metric> active = new ArrayList<>();
        Set<String> included = new HashSet<>();
        // dependencies come first, so one pass drops metrics whose requirements are inactive
        for (Metric metric : DependencyOrder.sort(MetricCatalog.build(slos, environment))) {
            if (applicability.isActive(metric.definition()) && included.containsAll(metric.definition().requires())) {
                active.add(metric);
                included.add(metric.tag());
            }
        }
        return new ActiveMetrics(active, environment);
    }

    /** An explicit set of metrics (tests, tools); they are put in dependency order. */
    public static ActiveMetrics of(List<Metric> metrics, MetricsEnvironment environment) {
        return new ActiveMetrics(DependencyOrder.sort(metrics), environment);
    }

    /** Record and aggregate metrics, in the order they are computed for each request. */
    public List<Metric> perRecord() {
        return perRecord;
    }

    /** Derived metrics, in the order they are computed at the end of the run. */
    public List<DerivedMetric> derived() {
        return derived;
    }

    /** The active metric with this tag, or null. */
    public Metric metric(String tag) {
        return byTag.get(tag);
    }

    public boolean isActive(String tag) {
        return byTag.containsKey(tag);
    }

    public MetricsEnvironment environment() {
        return environment;
    }
}
