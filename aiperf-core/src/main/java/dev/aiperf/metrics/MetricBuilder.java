package dev.aiperf.metrics;

import dev.aiperf.api.record.MetricFlag;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Fluent construction of catalogue entries: {@code metric(tag, header, short).unit(..).record(fn)}. */
final class MetricBuilder {
    private final String tag;
    private final String header;
    private final String shortHeader;
    private String unit;
    private String displayUnit;
    private Integer displayOrder;
    private final Set<MetricFlag> flags = EnumSet.noneOf(MetricFlag.class);
    private List<String> requires = List.of();

    private MetricBuilder(String tag, String header, String shortHeader) {
        this.tag = tag;
        this.header = header;
        this.shortHeader = shortHeader;
    }

    static MetricBuilder metric(String tag, String header, String shortHeader) {
        return new MetricBuilder(tag, header, shortHeader);
    }

    MetricBuilder unit(String newUnit) {
        this.unit = newUnit;
        return this;
    }

    MetricBuilder unit(String newUnit, String newDisplayUnit) {
        this.unit = newUnit;
        this.displayUnit = newDisplayUnit;
        return this;
    }

    MetricBuilder order(int order) {
        this.displayOrder = order;
        return this;
    }

    MetricBuilder flags(MetricFlag... newFlags) {
        flags.addAll(List.of(newFlags));
        return this;
    }

    MetricBuilder requires(String... tags) {
        this.requires = List.of(tags);
        return this;
    }

    RecordMetric record(RecordMetric.Function function) {
        return new RecordMetric(definition(MetricKind.RECORD), function);
    }

    AggregateMetric aggregate(AggregateMetric.Aggregation aggregation, AggregateMetric.Contribution contribution) {
        return new AggregateMetric(definition(MetricKind.AGGREGATE), aggregation, contribution);
    }

    DerivedMetric derived(DerivedMetric.Function function) {
        return new DerivedMetric(definition(MetricKind.DERIVED), function);
    }

    /** A derived metric summing a per-request metric over the run; it takes the source's unit. */
    DerivedMetric sumOf(MetricDefinition source) {
        unit = source.unit();
        displayUnit = source.displayUnit();
        requires = List.of(source.tag());
        String sourceTag = source.tag();
        return derived(run -> run.sum(sourceTag));
    }

    private MetricDefinition definition(MetricKind kind) {
        if (unit == null) {
            throw new IllegalStateException("metric " + tag + " has no unit");
        }
        return new MetricDefinition(tag, header, shortHeader, kind, unit, displayUnit, displayOrder, flags, requires);
    }
}
