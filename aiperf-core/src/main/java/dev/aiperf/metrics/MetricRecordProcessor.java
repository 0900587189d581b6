package dev.aiperf.metrics;

import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.record.ProcessorContext;
import dev.aiperf.api.record.RecordProcessor;

import java.util.LinkedHashMap;
import java.util.List;
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

    private final ActiveMetrics metrics;

    /**
     * @throws IllegalArgumentException when {@code --goodput} names a metric that is unknown or not measured
     */
    public MetricRecordProcessor(ProcessorContext context) {
        this(ActiveMetrics.forRun(context.config(), context.endpointMetadata(), MetricsEnvironment.fromSystem()));
    }

    public MetricRecordProcessor(ActiveMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public MetricRecord processRecord(ParsedResponseRecord record) {
        boolean failed = record.request().hasError();
        Map<String, Object> values = new LinkedHashMap<>();
        RecordInput input = new RecordInput(record, values);
        for (Metric metric : metrics.perRecord()) {
            MetricDefinition definition = metric.definition();
            if (definition.hasFlag(MetricFlag.ERROR_ONLY) != failed || !hasAll(values, definition.requires())) {
                continue;
            }
            Object value = compute(metric, input);
            if (value != null) {
                values.put(metric.tag(), value);
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

    private static boolean hasAll(Map<String, Object> values, List<String> tags) {
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
