package dev.aiperf.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders metrics so that every metric comes after the ones it requires, keeping declaration
 * order otherwise (metrics spec §1.2 "Dependency order").
 */
final class DependencyOrder {
    private DependencyOrder() {
    }

    /**
     * @param metrics metrics whose requirements are all in the list
     * @throws IllegalStateException on a cycle, a missing requirement, or a kind that may not
     *                               depend on another (record metrics need record metrics only;
     *                               aggregates need record or aggregate metrics)
     */
    static List<Metric> sort(List<Metric> metrics) {
        Map<String, Metric> byTag = new HashMap<>();
        metrics.forEach(m -> byTag.put(m.tag(), m));
        List<Metric> ordered = new ArrayList<>(metrics.size());
        Set<String> placed = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (Metric metric : metrics) {
            visit(metric, byTag, placed, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(Metric metric, Map<String, Metric> byTag, Set<String> placed, Set<String> visiting,
                              List<Metric> ordered) {
        if (placed.contains(metric.tag())) {
            return;
        }
        if (!visiting.add(metric.tag())) {
            throw new IllegalStateException("metric dependency cycle through " + metric.tag());
        }
        for (String required : metric.definition().requires()) {
            Metric dependency = byTag.get(required);
            if (dependency == null) {
                throw new IllegalStateException(metric.tag() + " requires unknown metric " + required);
            }
            checkKinds(metric.definition().kind(), dependency);
            visit(dependency, byTag, placed, visiting, ordered);
        }
        visiting.remove(metric.tag());
        placed.add(metric.tag());
        ordered.add(metric);
    }

    private static void checkKinds(MetricKind kind, Metric dependency) {
        MetricKind needed = dependency.definition().kind();
        boolean allowed = switch (kind) {
            case RECORD -> needed == MetricKind.RECORD;
            case AGGREGATE -> needed != MetricKind.DERIVED;
            case DERIVED -> true;
        };
        if (!allowed) {
            throw new IllegalStateException("a " + kind + " metric cannot require the " + needed + " metric "
                    + dependency.tag());
        }
    }
}
