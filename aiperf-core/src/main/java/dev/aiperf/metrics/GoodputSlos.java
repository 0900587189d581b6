package dev.aiperf.metrics;

import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.plugin.NameSuggestions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service-level objectives behind goodput ({@code --goodput "tag:value ..."}), each threshold
 * normalised from the metric's display unit to its base unit (metrics spec §2.2 "Goodput").
 *
 * @param objectives one objective per metric, sorted by tag
 */
public record GoodputSlos(List<Objective> objectives) {
    public static final GoodputSlos NONE = new GoodputSlos(List.of());

    public GoodputSlos {
        objectives = List.copyOf(objectives);
    }

    /**
     * One SLO.
     *
     * @param tag            the per-request metric
     * @param threshold      the limit in the metric's base unit
     * @param largerIsBetter pass when {@code value >= threshold}; otherwise when {@code value <= threshold}
     */
    public record Objective(String tag, double threshold, boolean largerIsBetter) {
        /** Inclusive in both directions. */
        public boolean isMetBy(double value) {
            return largerIsBetter ? value >= threshold : value <= threshold;
        }
    }

    public boolean isEmpty() {
        return objectives.isEmpty();
    }

    public List<String> tags() {
        return objectives.stream().map(Objective::tag).toList();
    }

    /**
     * Checks and normalises the configured SLOs.
     *
     * @param goodput       tag to threshold in the metric's display unit
     * @param applicability which metrics this run computes
     * @throws IllegalArgumentException naming the offending tag, what is wrong, and what is valid
     */
    public static GoodputSlos resolve(Map<String, Double> goodput, MetricApplicability applicability) {
        List<Objective> objectives = new ArrayList<>();
        for (Map.Entry<String, Double> entry : goodput.entrySet()) {
            MetricDefinition definition = checkedDefinition(entry.getKey(), applicability);
            double threshold = entry.getValue() * MetricUnits.factor(definition.displayUnit(), definition.unit());
            objectives.add(new Objective(definition.tag(), threshold, definition.hasFlag(MetricFlag.LARGER_IS_BETTER)));
        }
        objectives.sort(Comparator.comparing(Objective::tag));
        return new GoodputSlos(objectives);
    }

    private static MetricDefinition checkedDefinition(String tag, MetricApplicability applicability) {
        Optional<MetricDefinition> found = MetricCatalog.definition(tag);
        List<String> candidates = MetricCatalog.definitions().stream()
                .filter(d -> isPerRequest(d) && applicability.isActive(d)).map(MetricDefinition::tag).toList();
        if (found.isEmpty()) {
            List<String> tags = MetricCatalog.definitions().stream().map(MetricDefinition::tag).toList();
            throw new IllegalArgumentException("--goodput: unknown metric '" + tag + "'"
                    + NameSuggestions.didYouMean(tag, tags, NameSuggestions.Phrasing.CLAUSE)
                    + " Valid metrics for this run: " + String.join(", ", candidates));
        }
        MetricDefinition definition = found.get();
        if (!isPerRequest(definition)) {
            throw new IllegalArgumentException("--goodput: '" + tag + "' is a run-level (" + definition.kind().name()
                    .toLowerCase() + ") metric; an SLO needs a per-request metric, one of: " + String.join(", ", candidates));
        }
        if (!applicability.isActive(definition)) {
            throw new IllegalArgumentException("--goodput: '" + tag + "' is not measured in this run ("
                    + applicability.whyInactive(definition) + "). Valid metrics for this run: "
                    + String.join(", ", candidates));
        }
        return definition;
    }

    /** SLOs judge each successful request, so only per-request metrics of successful requests qualify. */
    private static boolean isPerRequest(MetricDefinition definition) {
        return definition.kind() == MetricKind.RECORD && !definition.hasFlag(MetricFlag.ERROR_ONLY);
    }
}
