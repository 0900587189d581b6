package dev.aiperf.metrics;

import dev.aiperf.api.record.MetricFlag;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The static description of a metric: what the catalogue of metrics spec §2.1 says about it.
 *
 * @param tag          unique tag, e.g. {@code time_to_first_token}
 * @param header       display name
 * @param shortHeader  short display name, or null
 * @param kind         record, aggregate or derived
 * @param unit         the unit values are computed in
 * @param displayUnit  the unit of exports and the console (same as {@code unit} when not converted)
 * @param displayOrder console order, or null to sort last
 * @param flags        the metric's flags
 * @param requires     tags this metric needs; without any of them it has no value
 */
public record MetricDefinition(String tag, String header, String shortHeader, MetricKind kind, String unit,
                               String displayUnit, Integer displayOrder, Set<MetricFlag> flags, List<String> requires) {
    public MetricDefinition {
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        requires = List.copyOf(requires);
        if (displayUnit == null) {
            displayUnit = unit;
        }
    }

    public boolean hasFlag(MetricFlag flag) {
        return flags.contains(flag);
    }

    /** True when exports and the console show values in another unit than they are computed in. */
    public boolean isConverted() {
        return !displayUnit.equals(unit);
    }

    /** The factor from {@code unit} to {@code displayUnit}. */
    public double displayFactor() {
        return MetricUnits.factor(unit, displayUnit);
    }

    /** A copy with other required tags (goodput's SLO tags are only known at run time). */
    public MetricDefinition withRequires(List<String> newRequires) {
        return new MetricDefinition(tag, header, shortHeader, kind, unit, displayUnit, displayOrder, flags, newRequires);
    }
}
