package dev.aiperf.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the runs of one sweep cell (one combination of parameter values) measured.
 *
 * @param label      the cell's folder name, e.g. {@code concurrency_4}
 * @param parameters parameter name to value, e.g. {@code {"concurrency": 4}}
 * @param runs       the successful runs' summaries (one per trial)
 * @param failed     the trials that failed
 */
public record CellResult(String label, Map<String, Object> parameters, List<RunSummary> runs, List<FailedRun> failed) {
    public CellResult {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        runs = List.copyOf(runs);
        failed = List.copyOf(failed);
    }

    /** The mean of {@code <tag>_<stat>} over the successful runs, or null when none measured it. */
    public Double mean(String key) {
        double sum = 0;
        int n = 0;
        for (RunSummary run : runs) {
            Double v = run.values().get(key);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** Every key measured by the first successful run, in its order. */
    List<String> keys() {
        return runs.isEmpty() ? List.of() : new ArrayList<>(runs.getFirst().values().keySet());
    }

    /** The unit of a key, or null. */
    public String unit(String key) {
        return runs.isEmpty() ? null : runs.getFirst().units().get(key);
    }
}
