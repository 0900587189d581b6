package dev.aiperf.engine;

import dev.aiperf.api.model.CreditPhase;

/**
 * What one phase did.
 *
 * @param phase        warm-up or profiling
 * @param startPerfNs  {@code System.nanoTime()} when it started
 * @param startWallNs  epoch ns when it started
 * @param endPerfNs    when the last request returned (or the phase was cut short)
 * @param endWallNs    the same as epoch ns
 * @param sent         credits issued
 * @param completed    requests that returned (successes and errors)
 * @param errors       returned requests that failed
 * @param cancelled    in-flight requests cancelled at the end (grace expired, or interrupted)
 * @param interrupted  the run was interrupted (SIGINT / SIGTERM) during this phase
 * @param graceExpired in-flight requests were cancelled because the grace period ran out
 */
public record PhaseOutcome(CreditPhase phase, long startPerfNs, long startWallNs, long endPerfNs, long endWallNs,
                           long sent, long completed, long errors, long cancelled, boolean interrupted,
                           boolean graceExpired) {
}
