package dev.aiperf.metrics;

import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.record.ProcessorContext;
import dev.aiperf.api.record.RecordProcessor;


/**
 * The built-in {@code metric_record} processor: computes every active per-request metric and the
 * per-request share of every aggregate metric, in dependency order (metrics spec §1.2). A
 * successful record gets the metrics without {@code ERROR_ONLY}; a failed one only those with it.
 *
 * <p>The {@code http_req_*} metrics are one block: when they stand together in the computation order (as in
 * every run), the block's values are computed once per record into an {@link HttpReqValues} and placed into the
 * record's {@link RecordValues} as primitives, instead of fifteen boxed map entries.
 *
 * <p>Thread-safe: it holds no mutable state, so several threads may call it at once.
 */
public final class MetricRecordProcessor implements RecordProcessor {
    private static final System.Logger LOG = System.getLogger(MetricRecordProcessor.class.getName());

    /** The per-record metrics in computation order, with what is checked for each on every record worked out once. */
    private final Step[] steps;
    /** Where the http_req_* block starts and ends in {@link #steps}; -1 when it is not one block. */
    private final int httpFrom;
    private final int httpTo;
    /** The block's active slots, one bit ({@code 1 << slot}) each. */
    private final int httpActive;

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
        int from = -1;
        int to = -1;
        int active = 0;
        int lastSlot = -1;
        boolean block = true;
        for (int i = 0; i < steps.length; i++) {
            int slot = HttpTraceMetrics.slotOf(steps[i].metric());
            if (slot < 0) {
                continue;
            }
            if (from < 0) {
                from = i;
            }
            // the block's values come out in slot order: its steps must be contiguous, in that order, and
            // like every http_req_* metric only for successful records
            block &= to < 0 || to == i;
            block &= slot > lastSlot && !steps[i].errorOnly();
            to = i + 1;
            lastSlot = slot;
            active |= 1 << slot;
        }
        this.httpFrom = block ? from : -1;
        this.httpTo = block ? to : -1;
        this.httpActive = active;
    }

    @Override
    public MetricRecord processRecord(ParsedResponseRecord record) {
        boolean failed = record.request().hasError();
        // Sized for every metric of the run: growing it twice per record showed in profiles.
        RecordValues values = new RecordValues(
                (steps.length - (httpFrom < 0 ? 0 : httpTo - httpFrom)) * 2);
        RecordInput input = new RecordInput(record, values);
        for (int i = 0; i < steps.length; i++) {
            if (i == httpFrom) {
                if (!failed) {
                    values.putHttp(input.httpReq(), httpActive);
                }
                i = httpTo - 1;
                continue;
            }
            Step step = steps[i];
            if (step.errorOnly() != failed || !hasAll(values, step.requires())) {
                continue;
            }
            Object value = compute(step.metric(), input);
            if (value != null) {
                values.add(step.metric().tag(), value);
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

    private static boolean hasAll(RecordValues values, String[] tags) {
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
