package dev.aiperf.engine;

import dev.aiperf.api.export.TimesliceResults;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.ResultsProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Splits the profiling records by {@code --slice-duration} (metrics spec §5.6): a request belongs wholly
 * to the slice its wall start falls in, slices are aligned to epoch multiples of the duration, and each
 * slice is summarised on its own by fresh results processors, so its derived metrics (duration,
 * throughput) come from its own requests. Slices without a request are dropped; the rest are numbered
 * from 0. Called from the records pipeline's committing thread only.
 */
final class TimesliceCollector implements RecordPipeline.RecordObserver {

    private final long sliceNs;
    private final Supplier<List<ResultsProcessor>> processors;
    private final Map<Long, List<ResultsProcessor>> slices = new TreeMap<>();

    /**
     * @param sliceSeconds the slice duration
     * @param processors   a new set of the run's results processors, one per slice
     */
    TimesliceCollector(double sliceSeconds, Supplier<List<ResultsProcessor>> processors) {
        this.sliceNs = Math.max(1L, (long) (sliceSeconds * 1e9));
        this.processors = processors;
    }

    @Override
    public void add(MetricRecord record) {
        RequestRecord request = record.record().request();
        if (request.requestInfo() != null && request.requestInfo().phase() != CreditPhase.PROFILING) {
            return;
        }
        long slice = Math.floorDiv(request.timestampNs(), sliceNs);
        for (ResultsProcessor processor : slices.computeIfAbsent(slice, s -> processors.get())) {
            processor.addRecord(record);
        }
    }

    /** Each slice that had a request, in time order, numbered from 0. */
    List<TimesliceResults> results() {
        List<TimesliceResults> results = new ArrayList<>();
        for (Map.Entry<Long, List<ResultsProcessor>> slice : slices.entrySet()) {
            List<MetricResult> metrics = new ArrayList<>();
            slice.getValue().forEach(p -> metrics.addAll(p.processResults()));
            if (!metrics.isEmpty()) {
                long start = slice.getKey() * sliceNs;
                results.add(new TimesliceResults(results.size(), start, start + sliceNs, metrics));
            }
        }
        return results;
    }
}
