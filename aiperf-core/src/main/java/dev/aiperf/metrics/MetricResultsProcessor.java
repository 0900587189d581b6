package dev.aiperf.metrics;

import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.ProcessorContext;
import dev.aiperf.api.record.ResultsProcessor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@code metric_results} processor: pools per-request values into growing arrays,
 * folds aggregate contributions, and at the end computes statistics (metrics spec §4) and derived
 * metrics. Results leave in display units, without INTERNAL and EXPERIMENTAL metrics unless dev
 * mode shows them. Only records of its phase count: profiling ones by default, warm-up ones for the
 * instance that summarises the warm-up ({@code warmup_metrics}).
 *
 * <p>Thread-safe: both methods are synchronised (the engine calls them from one thread, so the
 * lock is never contended).
 */
public final class MetricResultsProcessor implements ResultsProcessor {
    private static final System.Logger LOG = System.getLogger(MetricResultsProcessor.class.getName());

    private final ActiveMetrics metrics;
    private final CreditPhase phase;
    /** {@link MetricArray} or {@link Accumulator} per tag, in the order tags were first seen. */
    private final Map<String, Object> pooled = new LinkedHashMap<>();
    /** The pool of each http_req_* slot once its tag was seen: {@link RecordValues} give them as primitives. */
    private final MetricArray[] httpPools = new MetricArray[HttpReqValues.COUNT];

    /**
     * @throws IllegalArgumentException when {@code --goodput} names a metric that is unknown or not measured
     */
    public MetricResultsProcessor(ProcessorContext context) {
        this(ActiveMetrics.forRun(context.config(), context.endpointMetadata(), MetricsEnvironment.fromSystem()),
                context.phase());
    }

    public MetricResultsProcessor(ActiveMetrics metrics) {
        this(metrics, CreditPhase.PROFILING);
    }

    /** Summarising the records of {@code phase} only. */
    public MetricResultsProcessor(ActiveMetrics metrics, CreditPhase phase) {
        this.metrics = metrics;
        this.phase = phase;
    }

    @Override
    public synchronized void addRecord(MetricRecord record) {
        RequestInfo info = record.record().request().requestInfo();
        if ((info == null ? CreditPhase.PROFILING : info.phase()) != phase) {
            return;
        }
        if (record.values() instanceof RecordValues values) {
            addAll(values);
            return;
        }
        for (Map.Entry<String, Object> entry : record.values().entrySet()) {
            add(entry.getKey(), entry.getValue());
        }
    }

    /** The same as adding every entry of {@code values} in order, without boxing its http_req_* values. */
    private void addAll(RecordValues values) {
        int httpPosition = values.httpPosition();
        int i = 0;
        for (Map.Entry<String, Object> entry : values.general().entrySet()) {
            if (i++ == httpPosition) {
                addHttp(values);
            }
            add(entry.getKey(), entry.getValue());
        }
        if (i == httpPosition) {
            addHttp(values);
        }
    }

    private void addHttp(RecordValues values) {
        for (int present = values.httpPresent(); present != 0; present &= present - 1) {
            int slot = Integer.numberOfTrailingZeros(present);
            MetricArray pool = httpPools[slot];
            if (pool == null) {
                String tag = HttpReqValues.TAGS.get(slot);
                if (!(metrics.metric(tag) instanceof RecordMetric)) {
                    add(tag, values.http(slot)); // as any value of a metric this run does not pool
                    continue;
                }
                pool = (MetricArray) pooled.computeIfAbsent(tag, t -> new MetricArray());
                httpPools[slot] = pool;
            }
            pool.add(values.http(slot));
        }
    }

    private void add(String tag, Object value) {
        switch (metrics.metric(tag)) {
            case RecordMetric m -> addValue(m.tag(), value);
            case AggregateMetric m -> ((Accumulator) pooled.computeIfAbsent(m.tag(),
                    t -> new Accumulator(m.aggregation()))).fold(((Number) value).longValue());
            case DerivedMetric m -> LOG.log(System.Logger.Level.DEBUG, "ignoring per-request value of derived " + m.tag());
            case null -> LOG.log(System.Logger.Level.DEBUG, () -> "ignoring unknown metric " + tag);
        }
    }

    private void addValue(String tag, Object value) {
        MetricArray array = (MetricArray) pooled.computeIfAbsent(tag, t -> new MetricArray());
        if (value instanceof double[] list) {
            array.addAll(list);
        } else {
            array.add(((Number) value).doubleValue());
        }
    }

    @Override
    public synchronized List<MetricResult> processResults() {
        RunValues run = new RunValues();
        List<MetricResult> results = new ArrayList<>();
        for (Map.Entry<String, Object> entry : pooled.entrySet()) {
            MetricDefinition definition = metrics.metric(entry.getKey()).definition();
            switch (entry.getValue()) {
                case MetricArray array -> results.add(new MetricResult(definition.tag(), definition.header(),
                        definition.unit(), definition.flags(), definition.displayOrder(),
                        DistributionStatistics.of(array.backingArray(), array.size(), array.sum()), array.size()));
                case Accumulator accumulator -> {
                    run.scalars.put(definition.tag(), accumulator.value);
                    results.add(scalar(definition, accumulator.value));
                }
                default -> throw new IllegalStateException("unexpected accumulator for " + entry.getKey());
            }
        }
        for (DerivedMetric metric : metrics.derived()) {
            Number value = derive(metric, run);
            if (value != null) {
                run.scalars.put(metric.tag(), value);
                results.add(scalar(metric.definition(), value));
            }
        }
        return results.stream().filter(r -> metrics.environment().shows(metrics.metric(r.tag()).definition()))
                .map(this::toDisplayUnit).toList();
    }

    private Number derive(DerivedMetric metric, RunValues run) {
        if (!metric.definition().requires().stream().allMatch(run::has)) {
            return null;
        }
        try {
            return metric.function().compute(run);
        } catch (MetricValueException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "Skipping " + metric.tag() + ": " + e.getMessage());
            return null;
        }
    }

    private static MetricResult scalar(MetricDefinition definition, Number value) {
        return MetricResult.scalar(definition.tag(), definition.header(), definition.unit(), definition.flags(),
                definition.displayOrder(), value.doubleValue());
    }

    private MetricResult toDisplayUnit(MetricResult result) {
        MetricDefinition definition = metrics.metric(result.tag()).definition();
        return definition.isConverted() ? result.converted(definition.displayUnit(), definition.displayFactor()) : result;
    }

    /** A running sum, minimum or maximum. */
    private static final class Accumulator {
        private final AggregateMetric.Aggregation aggregation;
        private long value;

        Accumulator(AggregateMetric.Aggregation aggregation) {
            this.aggregation = aggregation;
            this.value = aggregation.initial();
        }

        void fold(long contribution) {
            value = aggregation.fold(value, contribution);
        }
    }

    /** The run-level view derived metrics read. */
    private final class RunValues implements RunInput {
        private final Map<String, Number> scalars = new HashMap<>();

        @Override
        public boolean has(String tag) {
            return scalars.containsKey(tag) || pooled.get(tag) instanceof MetricArray;
        }

        @Override
        public double sum(String tag) {
            return pooled.get(tag) instanceof MetricArray array ? array.sum() : 0.0;
        }

        @Override
        public double value(String tag) {
            return scalars.get(tag).doubleValue();
        }

        @Override
        public long longValue(String tag) {
            return scalars.get(tag).longValue();
        }
    }
}
