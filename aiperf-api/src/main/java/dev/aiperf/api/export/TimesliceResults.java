package dev.aiperf.api.export;

import dev.aiperf.api.record.MetricResult;

import java.util.List;

/**
 * The results of one time slice ({@code --slice-duration}): the requests that started in it, summarised
 * on their own (metrics spec §5.6). Slices with no request are dropped and the rest numbered from 0.
 *
 * @param index       the slice's number among the slices that had requests, from 0
 * @param startWallNs the slice's start, an epoch multiple of the slice duration
 * @param endWallNs   the slice's end ({@code startWallNs} + the slice duration)
 * @param results     the slice's metric results, in display units and result order
 */
public record TimesliceResults(int index, long startWallNs, long endWallNs, List<MetricResult> results) {
    public TimesliceResults {
        results = List.copyOf(results);
    }
}
