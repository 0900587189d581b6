package dev.aiperf.api.export;

import dev.aiperf.api.record.MetricResult;

import java.util.List;
import java.util.Optional;

/**
 * Whether the client kept up with the load it was asked to generate, and the figures that say so. A
 * client that sends late, queues requests for connections, stamps arrivals late because its I/O
 * threads are busy, runs out of CPU or pauses for GC makes the server look slower than it is; this is
 * the run's own account of that. Figures are null when the run could not measure them.
 *
 * @param keptUp            false when a figure exceeded the tolerance: the client distorted the results
 * @param verdict           one line for the console, with the worst figure
 * @param problems          one sentence per figure over the tolerance, worst first
 * @param toleranceMs       the most client-side delay accepted: 1 ms or 5 % of the median TTFT (or of the
 *                          median request latency without TTFT), whichever is larger
 * @param timings           client timing distributions in ms ({@code send_lag}, {@code queue_wait},
 *                          {@code intended_time_to_first_token}, ...; see docs/honesty.md)
 * @param ioThreadLagP99Ms  p99 of how long the transport's I/O threads took to run a task handed to them;
 *                          arrivals are stamped late by as much
 * @param ioThreadLagMaxMs  maximum of the same
 * @param cpuLoadAvg        the client process's CPU use over the run, 0–1 of all processors
 * @param cpuLoadMax        the highest one-second CPU use, 0–1 of all processors
 * @param processors        processors available to the client
 * @param gcPauses          stop-the-world GC pauses during the run
 * @param gcPauseTotalMs    their total
 * @param gcPauseMaxMs      the longest
 * @param connectionLimit   most connections per server the transport opens, or null when unknown
 */
public record ClientHealth(boolean keptUp, String verdict, List<String> problems, double toleranceMs,
                           List<MetricResult> timings, Double ioThreadLagP99Ms, Double ioThreadLagMaxMs,
                           Double cpuLoadAvg, Double cpuLoadMax, int processors,
                           long gcPauses, double gcPauseTotalMs, double gcPauseMaxMs, Integer connectionLimit) {
    public ClientHealth {
        problems = List.copyOf(problems);
        timings = List.copyOf(timings);
    }

    /** One timing distribution, if the run measured it. */
    public Optional<MetricResult> timing(String tag) {
        return timings.stream().filter(t -> t.tag().equals(tag)).findFirst();
    }
}
