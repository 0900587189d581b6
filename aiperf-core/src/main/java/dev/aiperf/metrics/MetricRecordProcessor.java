package dev.aiperf.metrics;

import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.record.ProcessorContext;
import dev.aiperf.api.record.RecordProcessor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in {@code metric_record} processor: computes every active per-request metric and the
 * per-request share of every aggregate metric, in dependency order (metrics spec §1.2). A
 * successful record gets the metrics without {@code ERROR_ONLY}; a failed one only those with it.
 *
 * <p>Thread-safe: it holds no mutable state, so several threads may call it at once.
 */
public final class MetricRecordProcessor implements RecordProcessor {
    private static final System.Logger LOG = System.getLogger(MetricRecordProcessor.class.getName());

    /** The per-record metrics in computation order, with what is checked for each on every record worked out once. */
    private final Step[] steps;

    /** One metric's place in the per-record computation. */
    private record Step(Metric metric, boolean errorOnly, String[] requires) {
    }

    /**
     * @throws IllegalArgumentException when {@code --goodput} names a metric that is unknown or not measured
     */
    public MetricRecordProcessor(ProcessorContext context) {
        this(ActiveMetrics.forRun(context.config(), context.endpointMetadata(), MetricsEnvironment.fromSystem()));
    }

    public MetricRecordProcessor(ActiveMetrics metrics) {
        this.steps = metrics.perRecord().stream().map(m -> new Step(m, m.definition().hasFlag(MetricFlag.ERROR_ONLY),
                m.definition().requires().toArray(String[]::new))).toArray(Step[]::new);
    }

    @Override
    public MetricRecord processRecord(ParsedResponseRecord record) {
        boolean failed = record.request().hasError();
        // Sized for every metric of the run: growing it twice per record showed in profiles.
        Map<String, Object> values = new LinkedHashMap<>(steps.length * 2);
        RecordInput input = new RecordInput(record, values);
        for (Step step : steps) {
            if (step.errorOnly() != failed || !hasAll(values, step.requires())) {
                continue;
            }
            Object value = compute(step.metric(), input);
            if (value != null) {
                values.put(step.metric().tag(), value);
            }
        }
        return new MetricRecord(record, values);
    }

    private static Object compute(Metric metric, RecordInput input) {
        try {
            return switch (metric) {
                case RecordMetric m -> m.function().compute(input);
                case AggregateMetric m -> m.contribution().compute(input);
                case DerivedMetric m -> null;
            };
        } catch (MetricValueException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "Skipping " + metric.tag() + " for request "
                    + requestId(input) + ": " + e.getMessage());
            return null;
        }
    }

    private static boolean hasAll(Map<String, Object> values, String[] tags) {
        for (String tag : tags) {
            if (!values.containsKey(tag)) {
                return false;
            }
        }
        return true;
    }

    private static String requestId(RecordInput input) {
        return input.request().requestInfo() == null ? "?" : input.request().requestInfo().xRequestId();
    }
}
